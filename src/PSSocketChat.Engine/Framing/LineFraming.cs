using System.Collections.Generic;
using System.Text;
using System;

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
            // A line break inside the payload would split one message into two at the receiver. Two searches that the
            // runtime vectorizes cost less than one loop testing every byte twice (ten times less at 4 KiB).
            return Array.IndexOf(frame, LineFeed, payloadOffset, payloadLength) >= 0
                || Array.IndexOf(frame, CarriageReturn, payloadOffset, payloadLength) >= 0
                ? "The message contains a line break, which Line framing would split into separate messages. " +
                    "Send each line as its own message, or use LengthPrefixed framing."
                : null;
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

    internal sealed class LineDecoder : FrameDecoder
    {
        private readonly int _maxMessageSize;

        // The start of a line that a read cut off. Reused across lines up to KeptCapacity; never larger than the size
        // limit plus a CR.
        private byte[] _pending = Array.Empty<byte>();
        private int _pendingLength;

        public LineDecoder(int maxMessageSize) => _maxMessageSize = maxMessageSize;

        public override int PendingLength => _pendingLength;

        internal override int HeldCapacity => _pending.Length;

        public override byte[]? TakeRemainder(out string? cutOff)
        {
            cutOff = null;
            if (_pendingLength == 0)
            {
                return null;
            }

            // As for a whole line, a CR at the end is the first half of a CRLF that never came; a CR alone is no message.
            var length = _pending[_pendingLength - 1] == LineFramer.CarriageReturn ? _pendingLength - 1 : _pendingLength;
            if (length == 0)
            {
                _pendingLength = 0;
                return null;
            }

            if (length > _maxMessageSize)
            {
                cutOff = TooLarge(length, _maxMessageSize);
                return null;
            }

            var payload = Copy(_pending, 0, length);
            _pendingLength = 0;
            return payload;
        }

        public override string? Decode(byte[] buffer, int offset, int count, List<byte[]> frames)
        {
            var end = offset + count;
            var start = offset;
            while (start < end)
            {
                var lineFeed = Array.IndexOf(buffer, LineFramer.LineFeed, start, end - start);
                if (lineFeed < 0)
                {
                    // The limit allows one byte more than the maximum: it may be the CR of a CRLF still to come.
                    var partial = end - start;
                    if ((long)_pendingLength + partial > (long)_maxMessageSize + 1)
                    {
                        return TooLarge((long)_pendingLength + partial, _maxMessageSize);
                    }

                    AppendPending(buffer, start, partial);
                    return null;
                }

                var payload = _pendingLength == 0
                    ? TakeLine(buffer, start, lineFeed - start)
                    : TakePendingLine(buffer, start, lineFeed - start);
                if (payload is null)
                {
                    return TooLarge((long)_pendingLength + (lineFeed - start), _maxMessageSize);
                }

                frames.Add(payload);
                _pendingLength = 0;
                if (_pending.Length > KeptCapacity)
                {
                    // A long line is done: do not keep its buffer for the life of the connection.
                    _pending = Array.Empty<byte>();
                }

                start = lineFeed + 1;
            }

            return null;
        }

        private byte[]? TakeLine(byte[] buffer, int start, int length)
        {
            if (length > 0 && buffer[start + length - 1] == LineFramer.CarriageReturn)
            {
                length--;
            }

            return length > _maxMessageSize ? null : Copy(buffer, start, length);
        }

        private byte[]? TakePendingLine(byte[] buffer, int start, int length)
        {
            var total = (long)_pendingLength + length;
            var lastByte = length > 0 ? buffer[start + length - 1] : _pending[_pendingLength - 1];
            if (lastByte == LineFramer.CarriageReturn)
            {
                total--;
            }

            if (total > _maxMessageSize)
            {
                return null;
            }

            var payload = new byte[total];
            var fromPending = (int)Math.Min(_pendingLength, total);
            Buffer.BlockCopy(_pending, 0, payload, 0, fromPending);
            Buffer.BlockCopy(buffer, start, payload, fromPending, (int)total - fromPending);
            return payload;
        }

        private void AppendPending(byte[] buffer, int start, int count)
        {
            var needed = _pendingLength + count;
            if (needed > _pending.Length)
            {
                var grown = new byte[Math.Max(needed, Math.Max(256, Math.Min(_pending.Length * 2, _maxMessageSize + 1)))];
                Buffer.BlockCopy(_pending, 0, grown, 0, _pendingLength);
                _pending = grown;
            }

            Buffer.BlockCopy(buffer, start, _pending, _pendingLength, count);
            _pendingLength = needed;
        }
    }
}
