using System;
using System.Text;

namespace PSSocketChat.Benchmarks.Load
{
    /// <summary>What goes over the wire: Line-framed messages of a fixed size, and the acknowledgement each one earns.</summary>
    internal static class Wire
    {
        /// <summary>The seed's acknowledgement as the Line framing sends it.</summary>
        public static readonly byte[] Acknowledgement = Encoding.ASCII.GetBytes("Mensaje recibido\n");

        /// <summary><paramref name="count"/> messages of <paramref name="size"/> bytes each, line feed included, back to back.</summary>
        public static byte[] Messages(int count, int size)
        {
            if (size < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(size), size, "A message needs at least one byte and its line feed.");
            }

            var buffer = new byte[count * size];
            for (var i = 0; i < count; i++)
            {
                var start = i * size;
                for (var j = 0; j < size - 1; j++)
                {
                    buffer[start + j] = (byte)('a' + (j % 26));
                }

                buffer[start + size - 1] = (byte)'\n';
            }

            return buffer;
        }
    }
}
