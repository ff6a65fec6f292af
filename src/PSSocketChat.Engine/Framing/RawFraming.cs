using System.Collections.Generic;

namespace PSSocketChat.Framing
{
    /// <summary>No delimiter at all: each chunk the socket delivers is one message, as a plain recv() loop sees it.</summary>
    internal sealed class RawFramer : Framer
    {
        public override MessageFraming Kind => MessageFraming.Raw;

        public override FrameDecoder CreateDecoder(int maxMessageSize) => new RawDecoder(maxMessageSize);

        public override string? FindViolation(byte[] frame, int payloadOffset, int payloadLength) =>
            payloadLength == 0 ? "An empty message cannot be sent in Raw framing: it would put nothing on the wire." : null;

        private sealed class RawDecoder : FrameDecoder
        {
            private readonly int _maxMessageSize;

            public RawDecoder(int maxMessageSize) => _maxMessageSize = maxMessageSize;

            // Every byte read is delivered at once: nothing is ever held.
            public override int PendingLength => 0;

            internal override int HeldCapacity => 0;

            public override string? Decode(byte[] buffer, int offset, int count, List<byte[]> frames)
            {
                // Raw has no boundaries to violate; a chunk over the limit is simply cut into messages of the limit.
                var end = offset + count;
                for (var start = offset; start < end; start += _maxMessageSize)
                {
                    frames.Add(Copy(buffer, start, System.Math.Min(_maxMessageSize, end - start)));
                }

                return null;
            }
        }
    }
}
