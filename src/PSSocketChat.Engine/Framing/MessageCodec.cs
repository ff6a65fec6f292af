using System;
using System.Text;

namespace PSSocketChat.Framing
{
    /// <summary>
    /// A connection's message rules in one place: framing, text encoding and size limit. Turns outgoing text or bytes
    /// into frames, refusing what the rules cannot carry, and incoming payloads back into text.
    /// </summary>
    internal sealed class MessageCodec
    {
        public MessageCodec(MessageFraming framing, Encoding encoding, int maxMessageSize)
        {
            Framer = Framer.For(framing);
            Encoding = WithReplacementFallback(encoding ?? throw new ArgumentNullException(nameof(encoding)));
            Framer.RequireCompatible(Encoding);
            MaxMessageSize = maxMessageSize;
        }

        public static MessageCodec From(ConnectionOptions options) =>
            new MessageCodec(options.Framing, options.Encoding, options.MaxMessageSize);

        public Framer Framer { get; }

        public MessageFraming Framing => Framer.Kind;

        public Encoding Encoding { get; }

        public int MaxMessageSize { get; }

        /// <summary>Raw framing returns whatever one read brings, so reads are capped to keep each chunk a legal message.</summary>
        public int ReadSize(int receiveBufferSize) =>
            Framing == MessageFraming.Raw ? Math.Min(receiveBufferSize, MaxMessageSize) : receiveBufferSize;

        public FrameDecoder CreateDecoder() => Framer.CreateDecoder(MaxMessageSize);

        public string DecodeText(byte[] payload) => Encoding.GetString(payload);

        public byte[] FrameText(string text, object? target)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            // Counted, and refused when too large, before a frame is allocated: a 100 MB string costs no 100 MB buffer.
            var payloadLength = Encoding.GetByteCount(text);
            RequireSize(payloadLength, target);
            var frame = Framer.Frame(text, Encoding, payloadLength);
            RequireFrameable(frame, payloadLength, target);
            return frame;
        }

        public byte[] FrameBytes(byte[] payload, object? target)
        {
            if (payload is null)
            {
                throw new ArgumentNullException(nameof(payload));
            }

            RequireSize(payload.Length, target);
            var frame = Framer.Frame(payload);
            RequireFrameable(frame, payload.Length, target);
            return frame;
        }

        private void RequireSize(int payloadLength, object? target)
        {
            if (payloadLength > MaxMessageSize)
            {
                throw new SocketChatException(
                    SocketErrorKind.MessageTooLarge,
                    $"The message is {payloadLength} bytes, more than the maximum message size of {MaxMessageSize} bytes.",
                    target);
            }
        }

        private void RequireFrameable(byte[] frame, int payloadLength, object? target)
        {
            var violation = Framer.FindViolation(frame, Framer.PayloadOffset, payloadLength);
            if (violation != null)
            {
                throw new SocketChatException(SocketErrorKind.InvalidMessage, violation, target);
            }
        }

        private static Encoding WithReplacementFallback(Encoding encoding)
        {
            // Invalid bytes must never throw on an I/O thread or vanish: they decode to U+FFFD and the raw bytes stay.
            if (encoding.DecoderFallback is DecoderReplacementFallback && encoding.EncoderFallback is EncoderReplacementFallback)
            {
                return encoding;
            }

            var copy = (Encoding)encoding.Clone();
            copy.DecoderFallback = DecoderFallback.ReplacementFallback;
            copy.EncoderFallback = EncoderFallback.ReplacementFallback;
            return copy;
        }
    }
}
