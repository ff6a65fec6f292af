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
    /// C connections each send one message and wait for its acknowledgement, R times: the round trip's percentiles in
    /// microseconds, over every round trip of every connection after a warm-up.
    /// </summary>
    internal static class PingPongScenario
    {
        public static async Task<IReadOnlyList<Measurement>> RunAsync(IPEndPoint target, int connections, int roundTrips, int warmUp, int size, TimeSpan bound)
        {
            var message = Wire.Messages(1, size);
            var sockets = new List<Socket>();
            try
            {
                for (var i = 0; i < connections; i++)
                {
                    sockets.Add(await Connections.OpenAsync(target).ConfigureAwait(false));
                }

                using var deadline = new CancellationTokenSource(bound);
                var samples = await Task.WhenAll(sockets.Select(s => Task.Run(() => DriveAsync(s, roundTrips, warmUp, message, deadline.Token)))).ConfigureAwait(false);
                var all = samples.SelectMany(x => x).OrderBy(x => x).ToArray();
                var name = $"ping-pong C={connections}";
                return new[]
                {
                    new Measurement($"{name} p50", Percentile(all, 0.50), "µs", HigherIsBetter: false),
                    new Measurement($"{name} p90", Percentile(all, 0.90), "µs", HigherIsBetter: false),
                    new Measurement($"{name} p99", Percentile(all, 0.99), "µs", HigherIsBetter: false),
                    new Measurement($"{name} max", all[^1], "µs", HigherIsBetter: false),
                };
            }
            finally
            {
                sockets.ForEach(s => s.Dispose());
            }
        }

        private static async Task<double[]> DriveAsync(Socket socket, int roundTrips, int warmUp, byte[] message, CancellationToken cancellationToken)
        {
            var buffer = new byte[Wire.Acknowledgement.Length];
            var samples = new double[roundTrips];
            for (var i = -warmUp; i < roundTrips; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await Connections.ExchangeAsync(socket, message, buffer, cancellationToken).ConfigureAwait(false);
                if (i >= 0)
                {
                    samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000;
                }
            }

            await Connections.ExpectNothingMoreAsync(socket, cancellationToken).ConfigureAwait(false);
            return samples;
        }

        private static double Percentile(double[] sorted, double fraction) =>
            sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
    }
}
