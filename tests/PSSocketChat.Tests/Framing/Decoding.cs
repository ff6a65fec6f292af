using System.Collections.Generic;
using System.Linq;
using PSSocketChat.Framing;

namespace PSSocketChat.Tests.Framing
{
    internal static class Decoding
    {
        /// <summary>Feeds a byte stream to a fresh decoder in reads of the given sizes (cycled), as a socket might deliver it.</summary>
        public static (List<byte[]> Frames, string? Violation) Decode(MessageFraming framing, byte[] stream, IReadOnlyList<int> readSizes, int maxMessageSize = 1 << 20)
        {
            var decoder = Framer.For(framing).CreateDecoder(maxMessageSize);
            var frames = new List<byte[]>();
            var position = 0;
            var read = 0;
            while (position < stream.Length)
            {
                var size = System.Math.Min(readSizes.Count == 0 ? stream.Length : System.Math.Max(1, readSizes[read++ % readSizes.Count]), stream.Length - position);

                // A copy at an offset in a larger buffer, so no decoder can get away with assuming offset 0.
                var buffer = new byte[size + 7];
                System.Buffer.BlockCopy(stream, position, buffer, 3, size);
                var violation = decoder.Decode(buffer, 3, size, frames);
                position += size;
                if (violation != null)
                {
                    return (frames, violation);
                }
            }

            return (frames, null);
        }

        public static byte[] Concat(IEnumerable<byte[]> parts) => parts.SelectMany(p => p).ToArray();

        public static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

        public static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);
    }
}
