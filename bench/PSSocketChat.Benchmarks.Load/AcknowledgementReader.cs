using System;
using System.IO;

namespace PSSocketChat.Benchmarks.Load
{
    /// <summary>
    /// Checks every byte a server sends back against the acknowledgement, repeated: a lost, extra or wrong byte fails
    /// the run. Acknowledgements may arrive split across reads, so it keeps its place between them.
    /// </summary>
    internal sealed class AcknowledgementReader
    {
        private readonly byte[] _acknowledgement;
        private int _position;

        public AcknowledgementReader(byte[] acknowledgement)
        {
            _acknowledgement = acknowledgement;
        }

        /// <summary>True between acknowledgements, false in the middle of one.</summary>
        public bool AtBoundary => _position == 0;

        /// <summary>Returns how many acknowledgements these bytes complete.</summary>
        /// <exception cref="InvalidDataException">A byte is not the one the acknowledgement has there.</exception>
        public int Consume(ReadOnlySpan<byte> data)
        {
            var completed = 0;
            foreach (var b in data)
            {
                if (b != _acknowledgement[_position])
                {
                    throw new InvalidDataException($"Byte 0x{b:x2} where the acknowledgement has 0x{_acknowledgement[_position]:x2} (offset {_position}).");
                }

                if (++_position == _acknowledgement.Length)
                {
                    _position = 0;
                    completed++;
                }
            }

            return completed;
        }
    }
}
