using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat.Benchmarks.Load
{
    /// <summary>
    /// C connections each send M messages of S bytes, keeping at most W of them unacknowledged: messages per second
    /// from the first byte sent to the last acknowledgement validated, over all connections.
    /// </summary>
    internal static class ThroughputScenario
    {
        // A connection writes at most this many messages per send: a window's worth, as a real pipelining client would.
        private const int MaxBatch = 256;

        public static async Task<IReadOnlyList<Measurement>> RunAsync(IPEndPoint target, int connections, int messagesPerConnection, int window, int size, TimeSpan bound)
        {
            var batch = Wire.Messages(Math.Min(MaxBatch, window), size);
            var sockets = new List<Socket>();
            try
            {
                for (var i = 0; i < connections; i++)
                {
                    sockets.Add(await Connections.OpenAsync(target).ConfigureAwait(false));
                }

                using var deadline = new CancellationTokenSource(bound);
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(sockets.Select(s => Task.Run(() => DriveAsync(s, messagesPerConnection, window, size, batch, deadline.Token)))).ConfigureAwait(false);
                var elapsed = clock.Elapsed;
                var total = (double)connections * messagesPerConnection;
                return new[] { new Measurement($"throughput C={connections} W={window}", total / elapsed.TotalSeconds, "msg/s", HigherIsBetter: true) };
            }
            finally
            {
                sockets.ForEach(s => s.Dispose());
            }
        }

        private static async Task DriveAsync(Socket socket, int messages, int window, int size, byte[] batch, CancellationToken cancellationToken)
        {
            long acknowledged = 0;
            var waiting = 0;
            using var room = new SemaphoreSlim(0);
            var reader = Task.Run(async () =>
            {
                var buffer = new byte[64 * 1024];
                var acknowledgements = new AcknowledgementReader(Wire.Acknowledgement);
                while (Volatile.Read(ref acknowledged) < messages)
                {
                    var read = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw new IOException($"The server closed after {acknowledged} of {messages} acknowledgements.");
                    }

                    var completed = acknowledgements.Consume(buffer.AsSpan(0, read));
                    if (completed > 0)
                    {
                        Interlocked.Add(ref acknowledged, completed);
                        if (Interlocked.Exchange(ref waiting, 0) == 1)
                        {
                            room.Release();
                        }
                    }
                }

                if (Volatile.Read(ref acknowledged) != messages || !acknowledgements.AtBoundary)
                {
                    throw new InvalidDataException($"{acknowledged} acknowledgements for {messages} messages.");
                }
            });

            long sent = 0;
            while (sent < messages)
            {
                var free = window - (sent - Volatile.Read(ref acknowledged));
                if (free <= 0)
                {
                    // Announce the wait, then look again: an acknowledgement between the two would otherwise go unseen.
                    // A full fence, not a volatile write: the look below must not be done before the announcement is
                    // visible to the reader (a store followed by a load may be reordered, even on x86).
                    Interlocked.Exchange(ref waiting, 1);
                    if (window - (sent - Volatile.Read(ref acknowledged)) <= 0)
                    {
                        await room.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                var count = (int)Math.Min(Math.Min(free, messages - sent), batch.Length / size);
                await Connections.SendAllAsync(socket, batch.AsMemory(0, count * size)).ConfigureAwait(false);
                sent += count;
            }

            await reader.ConfigureAwait(false);
            await Connections.ExpectNothingMoreAsync(socket, cancellationToken).ConfigureAwait(false);
        }
    }
}
