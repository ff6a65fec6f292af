using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat.Benchmarks.Load
{
    /// <summary>
    /// N connections, at most P opening at once: each connects, sends one message and validates its acknowledgement,
    /// then stays open. Connections per second until all are held; then the server's resident memory per held
    /// connection, beyond what it used before the first; then every connection closes.
    /// </summary>
    internal static class ConnectScenario
    {
        private const int Parallel = 64;

        public static async Task<IReadOnlyList<Measurement>> RunAsync(IPEndPoint target, int count, int size, Func<long> serverResidentBytes, int sourceBase, TimeSpan bound)
        {
            var message = Wire.Messages(1, size);
            var held = new Socket[count];
            using var deadline = new CancellationTokenSource(bound);
            try
            {
                // The server's memory once it has served a connection (its code paths warm), before the held ones.
                using (var first = await Connections.OpenAsync(target).ConfigureAwait(false))
                {
                    await Connections.ExchangeAsync(first, message, new byte[Wire.Acknowledgement.Length], deadline.Token).ConfigureAwait(false);
                    await Connections.ExpectNothingMoreAsync(first, deadline.Token).ConfigureAwait(false);
                }

                await Task.Delay(200).ConfigureAwait(false);
                var before = serverResidentBytes();
                var next = -1;
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
                {
                    var buffer = new byte[Wire.Acknowledgement.Length];
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < count)
                    {
                        var source = new IPAddress(new byte[] { 127, (byte)(sourceBase % 250 + 1), (byte)(i / 250 % 250 + 1), (byte)(i % 250 + 1) });
                        held[i] = await Connections.OpenAsync(target, source).ConfigureAwait(false);
                        await Connections.ExchangeAsync(held[i], message, buffer, deadline.Token).ConfigureAwait(false);
                    }
                }))).ConfigureAwait(false);
                var elapsed = clock.Elapsed;

                // Let the server settle (its receive loops are idle now) before its memory is read.
                await Task.Delay(500).ConfigureAwait(false);
                var after = serverResidentBytes();
                return new[]
                {
                    new Measurement($"connect {count}", count / elapsed.TotalSeconds, "conn/s", HigherIsBetter: true),
                    new Measurement($"memory per idle connection ({count} held)", (after - before) / (double)count / 1024, "KiB", HigherIsBetter: false),
                };
            }
            finally
            {
                foreach (var socket in held)
                {
                    socket?.Dispose();
                }
            }
        }
    }
}
