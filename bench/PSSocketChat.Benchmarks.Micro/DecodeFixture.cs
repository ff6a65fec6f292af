using System;
using System.Collections.Generic;
using PSSocketChat.Framing;

namespace PSSocketChat.Benchmarks.Micro
{
    /// <summary>
    /// What the receive loop holds for one connection, for one benchmark case: the connection's codec and decoder, one
    /// reused list of frames, and a read buffer of the engine's receive size that holds the whole frames of one read.
    /// </summary>
    internal sealed class DecodeFixture
    {
        private DecodeFixture(MessageCodec codec, string text, byte[] payload, byte[] read, int readLength, int messagesPerRead)
        {
            Codec = codec;
            Text = text;
            Payload = payload;
            Read = read;
            ReadLength = readLength;
            MessagesPerRead = messagesPerRead;
            Decoder = codec.CreateDecoder();
        }

        public MessageCodec Codec { get; }

        public FrameDecoder Decoder { get; }

        public List<byte[]> Frames { get; } = new List<byte[]>();

        public string Text { get; }

        public byte[] Payload { get; }

        public byte[] Read { get; }

        public int ReadLength { get; }

        public int MessagesPerRead { get; }

        public static DecodeFixture Create(MessageFraming framing, int size, ReadShape shape, PayloadText kind)
        {
            // The options a user gets by default, framing aside: so the read size and the size limit are the engine's.
            var options = new SocketClientOptions { Framing = framing };
            var codec = MessageCodec.From(options);
            var text = PayloadTexts.Of(kind, size);
            var payload = codec.Encoding.GetBytes(text);
            var frame = codec.FrameBytes(payload, null);
            var readSize = codec.ReadSize(options.ReceiveBufferSize);
            var messagesPerRead = ReadShapes.MessagesPerRead(shape, frame.Length, readSize);

            var read = new byte[readSize];
            for (var i = 0; i < messagesPerRead; i++)
            {
                Buffer.BlockCopy(frame, 0, read, i * frame.Length, frame.Length);
            }

            return new DecodeFixture(codec, text, payload, read, messagesPerRead * frame.Length, messagesPerRead);
        }

        /// <summary>Decodes one read and checks it gave back exactly its messages, so a benchmark never times a wrong answer.</summary>
        public void Verify()
        {
            var violation = Decoder.Decode(Read, 0, ReadLength, Frames);
            if (violation != null || Frames.Count != MessagesPerRead || Decoder.PendingLength != 0)
            {
                throw new InvalidOperationException(
                    $"{Codec.Framing}: one read gave {Frames.Count} messages (expected {MessagesPerRead}), {Decoder.PendingLength} bytes pending, violation: {violation ?? "none"}.");
            }

            foreach (var frame in Frames)
            {
                if (!frame.AsSpan().SequenceEqual(Payload) || Codec.DecodeText(frame) != Text)
                {
                    throw new InvalidOperationException($"{Codec.Framing}: a decoded message differs from the one framed.");
                }
            }

            Frames.Clear();
        }
    }
}
