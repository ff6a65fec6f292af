using System;
using System.Text;

namespace PSSocketChat.Framing
{
    /// <summary>
    /// One framing rule: how a payload is wrapped for the wire and which payloads it cannot carry.
    /// Stateless, so one instance serves every connection; the per-connection state lives in its decoder.
    /// </summary>
    internal abstract class Framer
    {
        private static readonly Framer LineFramer = new LineFramer();
        private static readonly Framer RawFramer = new RawFramer();
        private static readonly Framer LengthPrefixedFramer = new LengthPrefixedFramer();

        public static Framer For(MessageFraming framing) => framing switch
        {
            MessageFraming.Line => LineFramer,
            MessageFraming.Raw => RawFramer,
            MessageFraming.LengthPrefixed => LengthPrefixedFramer,
            _ => throw new ArgumentOutOfRangeException(nameof(framing), framing, "Unknown framing."),
        };

        public abstract MessageFraming Kind { get; }

        /// <summary>Bytes before the payload in a frame.</summary>
        protected virtual int HeaderLength => 0;

        /// <summary>Bytes after the payload in a frame.</summary>
        protected virtual int TrailerLength => 0;

        public abstract FrameDecoder CreateDecoder(int maxMessageSize);

        /// <summary>Why this payload cannot be sent in this framing, or null when it can.</summary>
        public abstract string? FindViolation(byte[] frame, int payloadOffset, int payloadLength);

        /// <summary>Throws when this framing cannot carry text in <paramref name="encoding"/>.</summary>
        public virtual void RequireCompatible(Encoding encoding)
        {
        }

        /// <summary>Encodes text of <paramref name="payloadLength"/> bytes in <paramref name="encoding"/> straight into a new frame: one allocation per message.</summary>
        public byte[] Frame(string text, Encoding encoding, int payloadLength)
        {
            var frame = new byte[HeaderLength + payloadLength + TrailerLength];
            encoding.GetBytes(text, 0, text.Length, frame, HeaderLength);
            WriteEnvelope(frame, payloadLength);
            return frame;
        }

        public byte[] Frame(byte[] payload)
        {
            var frame = new byte[HeaderLength + payload.Length + TrailerLength];
            Buffer.BlockCopy(payload, 0, frame, HeaderLength, payload.Length);
            WriteEnvelope(frame, payload.Length);
            return frame;
        }

        public int PayloadOffset => HeaderLength;

        /// <summary>Bytes a frame adds to its payload.</summary>
        public int Overhead => HeaderLength + TrailerLength;

        protected virtual void WriteEnvelope(byte[] frame, int payloadLength)
        {
        }
    }
}
