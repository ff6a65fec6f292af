using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using Xunit;

namespace PSSocketChat.Tests.Cli
{
    /// <summary>A TextWriter that hands each completed line to the test as it is written, so a test can wait for one.</summary>
    internal sealed class LineCapture : TextWriter
    {
        private readonly BlockingCollection<string> _lines = new BlockingCollection<string>();
        private readonly StringBuilder _current = new StringBuilder();
        private readonly StringBuilder _all = new StringBuilder();

        public override Encoding Encoding => Encoding.UTF8;

        public string All
        {
            get
            {
                lock (_all)
                {
                    return _all.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_all)
            {
                _all.Append(value);
                if (value == '\n')
                {
                    _lines.Add(_current.ToString().TrimEnd('\r'));
                    _current.Clear();
                }
                else
                {
                    _current.Append(value);
                }
            }
        }

        public string NextLine()
        {
            Assert.True(_lines.TryTake(out var line, Loopback.Patience), $"No line was written. So far: {All}");
            return line!;
        }
    }
}
