using BenchmarkDotNet.Attributes;
using PSSocketChat.Framing;

namespace PSSocketChat.Benchmarks.Micro
{
    /// <summary>The send side's work per message: text or bytes to one frame, checks included, as Send-SocketMessage does it.</summary>
    [MemoryDiagnoser]
    public class EncodeBenchmarks
    {
        /// <summary>Frames built per invocation, so a call's own cost is spread thin; results are per message.</summary>
        public const int MessagesPerInvoke = 64;

        [Params(MessageFraming.Line, MessageFraming.Raw, MessageFraming.LengthPrefixed)]
        public MessageFraming Framing { get; set; }

        [Params(64, 4096)]
        public int Size { get; set; }

        [Params(PayloadText.Ascii, PayloadText.Utf8)]
        public PayloadText Text { get; set; }

        // Set by Setup, which BenchmarkDotNet runs before any benchmark of a case.
        private MessageCodec _codec = null!;
        private string _text = null!;
        private byte[] _bytes = null!;

        [GlobalSetup]
        public void Setup()
        {
            _codec = MessageCodec.From(new SocketClientOptions { Framing = Framing });
            _text = PayloadTexts.Of(Text, Size);
            _bytes = _codec.Encoding.GetBytes(_text);
            var overhead = _codec.Framer.Overhead;
            if (_codec.FrameText(_text, null).Length != Size + overhead || _codec.FrameBytes(_bytes, null).Length != Size + overhead)
            {
                throw new System.InvalidOperationException($"{Framing}: a frame of {Size} payload bytes is not {Size + overhead} bytes long.");
            }
        }

        [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
        public int FrameText()
        {
            var bytes = 0;
            for (var i = 0; i < MessagesPerInvoke; i++)
            {
                bytes += _codec.FrameText(_text, null).Length;
            }

            return bytes;
        }

        [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
        public int FrameBytes()
        {
            var bytes = 0;
            for (var i = 0; i < MessagesPerInvoke; i++)
            {
                bytes += _codec.FrameBytes(_bytes, null).Length;
            }

            return bytes;
        }
    }
}
