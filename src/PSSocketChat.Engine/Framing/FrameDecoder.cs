using System.Collections.Generic;

namespace PSSocketChat.Framing
{
    /// <summary>
    /// Turns the byte stream of one connection back into message payloads. One instance per connection: it keeps
    /// the part of a message that a read cut off until the next read completes it.
    /// </summary>
    internal abstract class FrameDecoder
    {
        /// <summary>
        /// Appends to <paramref name="frames"/> every payload completed by these bytes, in order.
        /// Returns null, or a description of a protocol violation; payloads before the violation are still appended,
        /// and the decoder must not be fed again after one.
        /// </summary>
        public abstract string? Decode(byte[] buffer, int offset, int count, List<byte[]> frames);

        /// <summary>Bytes received that do not make a whole message yet.</summary>
        public abstract int PendingLength { get; }

        /// <summary>
        /// Bytes this decoder holds memory for between reads: in proportion to what has arrived, never to what a peer
        /// merely announces, and given back after a long message, so an idle peer pins little.
        /// </summary>
        internal abstract int HeldCapacity { get; }

        /// <summary>A held buffer larger than this is given back once the message it served is complete.</summary>
        protected const int KeptCapacity = 16 * 1024;

        /// <summary>
        /// Called once, when the peer has closed: what is left of a message it did not finish. Returns a payload to
        /// deliver (Line framing's last line, which lacked only its line feed), or null with <paramref name="cutOff"/>
        /// saying what was lost when a part of a message cannot be one (a length-prefixed message cut short).
        /// </summary>
        public virtual byte[]? TakeRemainder(out string? cutOff)
        {
            cutOff = null;
            return null;
        }

        protected static byte[] Copy(byte[] buffer, int offset, int count)
        {
            if (count == 0)
            {
                return System.Array.Empty<byte>();
            }

            var payload = new byte[count];
            System.Buffer.BlockCopy(buffer, offset, payload, 0, count);
            return payload;
        }

        protected static string TooLarge(long size, int maxMessageSize) =>
            $"A message of {size} bytes or more exceeds the maximum message size of {maxMessageSize} bytes.";
    }
}
