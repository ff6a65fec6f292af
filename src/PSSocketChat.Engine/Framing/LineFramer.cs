using System;
using System.Text;

namespace PSSocketChat.Framing
{
    /// <summary>One message per line: payload then LF. A CR before the LF is dropped on receipt.</summary>
    internal sealed class LineFramer : Framer
    {
        internal const byte LineFeed = (byte)'\n';
        internal const byte CarriageReturn = (byte)'\r';

        public override MessageFraming Kind => MessageFraming.Line;

        protected override int TrailerLength => 1;

        public override FrameDecoder CreateDecoder(int maxMessageSize) => new LineDecoder(maxMessageSize);

        public override string? FindViolation(byte[] frame, int payloadOffset, int payloadLength)
        {
            // A line break inside the payload would split one message into two at the receiver.
            for (var i = payloadOffset; i < payloadOffset + payloadLength; i++)
            {
                if (frame[i] == LineFeed || frame[i] == CarriageReturn)
                {
                    return "The message contains a line break, which Line framing would split into separate messages. " +
                        "Send each line as its own message, or use LengthPrefixed framing.";
                }
            }

            return null;
        }

        public override void RequireCompatible(Encoding encoding)
        {
            // Line framing finds messages by the byte 0x0A, so LF and CR must each be that one byte in the encoding.
            var lf = encoding.GetBytes("\n");
            var cr = encoding.GetBytes("\r");
            if (lf.Length != 1 || lf[0] != LineFeed || cr.Length != 1 || cr[0] != CarriageReturn)
            {
                throw new ArgumentException(
                    $"Line framing needs an encoding in which a line feed is the single byte 0x0A; {encoding.WebName} is not one. " +
                    "Use UTF-8 or another ASCII-compatible encoding, or LengthPrefixed framing.",
                    nameof(encoding));
            }
        }

        protected override void WriteEnvelope(byte[] frame, int payloadLength) => frame[payloadLength] = LineFeed;
    }
}
