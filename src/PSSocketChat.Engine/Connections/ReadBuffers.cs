using System.Collections.Concurrent;
using System.Threading;

namespace PSSocketChat
{
    /// <summary>
    /// Read buffers shared by every connection of the process, so that a connection waiting for data holds none: with
    /// ten thousand idle clients, that is ten thousand fewer 16 KiB arrays. A small bounded pool of its own, because
    /// netstandard2.0 has no ArrayPool without a package the module must not bring.
    /// </summary>
    internal static class ReadBuffers
    {
        // Enough for every connection that is busy at once on a few cores; more would only pin memory after a burst.
        private const int Kept = 256;

        private static readonly ConcurrentDictionary<int, Shelf> Shelves = new ConcurrentDictionary<int, Shelf>();

        public static byte[] Rent(int size) =>
            Shelves.GetOrAdd(size, _ => new Shelf()).TryTake(out var buffer) ? buffer : new byte[size];

        public static void Return(byte[] buffer) => Shelves.GetOrAdd(buffer.Length, _ => new Shelf()).Put(buffer);

        private sealed class Shelf
        {
            private readonly ConcurrentQueue<byte[]> _buffers = new ConcurrentQueue<byte[]>();
            private int _count;

            public bool TryTake(out byte[] buffer)
            {
                if (_buffers.TryDequeue(out buffer!))
                {
                    Interlocked.Decrement(ref _count);
                    return true;
                }

                return false;
            }

            public void Put(byte[] buffer)
            {
                if (Interlocked.Increment(ref _count) <= Kept)
                {
                    _buffers.Enqueue(buffer);
                }
                else
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
    }
}
