using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using PSSocketChat.Framing;

namespace PSSocketChat.Benchmarks.Micro
{
    /// <summary>
    /// The receive loop's work per message, without the socket: one decoder and one list of frames per connection, reused
    /// for every read, the list cleared after each read as delivery does.
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(RawReadsAreMessages))]
    public class DecodeBenchmarks
    {
        /// <summary>
        /// Messages decoded per invocation, the same for every case because OperationsPerInvoke is a constant: 5040 is
        /// the least common multiple of the messages one 16 KiB read holds (252 Line frames of 64 bytes, 240 length-
        /// prefixed ones, 3 of 4 KiB in either, 1), so every case decodes whole reads only.
        /// </summary>
        public const int MessagesPerInvoke = 5040;

        [Params(MessageFraming.Line, MessageFraming.Raw, MessageFraming.LengthPrefixed)]
        public MessageFraming Framing { get; set; }

        [Params(64, 4096)]
        public int Size { get; set; }

        [Params(ReadShape.One, ReadShape.Many)]
        public ReadShape PerRead { get; set; }

        [Params(PayloadText.Ascii, PayloadText.Utf8)]
        public PayloadText Text { get; set; }

        // Set by Setup, which BenchmarkDotNet runs before any benchmark of a case.
        private MessageCodec _codec = null!;
        private FrameDecoder _decoder = null!;
        private List<byte[]> _frames = null!;
        private byte[] _read = null!;
        private int _readLength;
        private int _reads;

        [GlobalSetup]
        public void Setup()
        {
            var fixture = DecodeFixture.Create(Framing, Size, PerRead, Text);
            fixture.Verify();
            _codec = fixture.Codec;
            _decoder = fixture.Decoder;
            _frames = fixture.Frames;
            _read = fixture.Read;
            _readLength = fixture.ReadLength;
            _reads = MessagesPerInvoke / fixture.MessagesPerRead;
            if (_reads * fixture.MessagesPerRead != MessagesPerInvoke)
            {
                throw new System.InvalidOperationException($"{fixture.MessagesPerRead} messages per read do not divide {MessagesPerInvoke}.");
            }
        }

        /// <summary>Bytes to payload arrays: what every received message costs before anyone looks at it.</summary>
        [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
        public int Decode()
        {
            var messages = 0;
            for (var i = 0; i < _reads; i++)
            {
                _decoder.Decode(_read, 0, _readLength, _frames);
                messages += _frames.Count;
                _frames.Clear();
            }

            return messages;
        }

        /// <summary>Decode, then the text of every message as SocketMessage.Text decodes it: the cost of text on top.</summary>
        [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
        public int DecodeWithText()
        {
            var characters = 0;
            for (var i = 0; i < _reads; i++)
            {
                _decoder.Decode(_read, 0, _readLength, _frames);
                for (var f = 0; f < _frames.Count; f++)
                {
                    characters += _codec.DecodeText(_frames[f]).Length;
                }

                _frames.Clear();
            }

            return characters;
        }

        /// <summary>
        /// Raw framing has no boundaries: whatever one read brings is one message, so "many messages per read" cannot
        /// exist for it (a full read would be one 16 KiB message, not many). Only one message per read is measured.
        /// </summary>
        private sealed class RawReadsAreMessages : ManualConfig
        {
            public RawReadsAreMessages()
            {
                AddFilter(new SimpleFilter(benchmark =>
                    !(Equals(benchmark.Parameters[nameof(Framing)], MessageFraming.Raw) &&
                      Equals(benchmark.Parameters[nameof(PerRead)], ReadShape.Many))));
            }
        }
    }
}
