using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;

namespace PSSocketChat.Benchmarks.Load
{
    /// <summary>
    /// Every scenario against the floor server and the console host, in the same run, alternating, each repeated;
    /// medians with min–max, and each result as a ratio to the floor. Twice: both processes on one core, then the
    /// server on one and the generator on the other.
    /// </summary>
    internal sealed class Suite
    {
        private const int Size = 64;
        private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

        private readonly string _hostDll;
        private readonly string _floorDll;
        private readonly int _repeats;
        private readonly bool _quick;
        private int _runs;

        public Suite(string hostDll, string floorDll, int repeats, bool quick)
        {
            _hostDll = hostDll;
            _floorDll = floorDll;
            _repeats = repeats;
            _quick = quick;
        }

        private int Scale(int count) => _quick ? Math.Max(1, count / 50) : count;

        public async Task<string> RunAsync()
        {
            var report = new StringBuilder();
            var targets = new StringBuilder();
            targets.AppendLine("| Target | Pinning | Result | Met |").AppendLine("|---|---|---|---|");
            foreach (var (name, serverCore) in new[] { ("one core: server and generator both on core 0", 0), ("split: server on core 1, generator on core 0", 1) })
            {
                // The generator pins itself; the server is pinned as taskset starts it. Linux only, as taskset is.
                if (OperatingSystem.IsLinux())
                {
                    Process.GetCurrentProcess().ProcessorAffinity = (IntPtr)1;
                }
                var results = await RunPinnedAsync(serverCore).ConfigureAwait(false);
                report.AppendLine($"### Pinning: {name}").AppendLine();
                report.Append(Table(results)).AppendLine();
                Targets(results, serverCore == 0 ? "one core" : "split", targets);
            }

            report.AppendLine("### The issue's targets, as this run measured them").AppendLine().Append(targets);
            return report.ToString();
        }

        private async Task<List<(string Server, Measurement Measurement)>> RunPinnedAsync(int serverCore)
        {
            var results = new List<(string, Measurement)>();
            var steady = new (string Name, Func<IPEndPoint, bool, Task<IReadOnlyList<Measurement>>> Run)[]
            {
                ("throughput C=1 W=64", (t, warm) => ThroughputScenario.RunAsync(t, 1, warm ? Scale(100_000) : Scale(1_000_000), 64, Size, Bound)),
                ("throughput C=16 W=16", (t, warm) => ThroughputScenario.RunAsync(t, 16, warm ? Scale(6_250) : Scale(62_500), 16, Size, Bound)),
                ("ping-pong C=1", (t, warm) => PingPongScenario.RunAsync(t, 1, warm ? Scale(1_000) : Scale(10_000), Scale(1_000), Size, Bound)),
                ("ping-pong C=16", (t, warm) => PingPongScenario.RunAsync(t, 16, warm ? Scale(200) : Scale(2_000), Scale(200), Size, Bound)),
            };
            foreach (var scenario in steady)
            {
                foreach (var (server, dll, arguments) in Servers())
                {
                    using var process = ServerProcess.Start(dll, arguments, serverCore);
                    await scenario.Run(process.EndPoint, true).ConfigureAwait(false);
                    for (var i = 0; i < _repeats; i++)
                    {
                        results.AddRange((await scenario.Run(process.EndPoint, false).ConfigureAwait(false)).Select(m => (server, m)));
                    }

                    Console.Error.WriteLine($"{scenario.Name}: {server} done");
                }
            }

            foreach (var count in new[] { Scale(2_000), Scale(10_000) })
            {
                foreach (var (server, dll, arguments) in Servers())
                {
                    for (var i = 0; i < _repeats; i++)
                    {
                        // A fresh server each time, so its memory before the held connections is a clean baseline.
                        using var process = ServerProcess.Start(dll, arguments, serverCore);
                        var measurements = await ConnectScenario.RunAsync(process.EndPoint, count, Size, process.ResidentBytes, _runs++, Bound).ConfigureAwait(false);
                        results.AddRange(measurements.Select(m => (server, m)));
                    }

                    Console.Error.WriteLine($"connect {count}: {server} done");
                }
            }

            return results;
        }

        private IEnumerable<(string Server, string Dll, string Arguments)> Servers()
        {
            yield return ("floor", _floorDll, "floor --port 0");
            yield return ("pssocketchat", _hostDll, "server --address 127.0.0.1 --port 0 --quiet");
        }

        private static string Table(List<(string Server, Measurement Measurement)> results)
        {
            var table = new StringBuilder();
            table.AppendLine("| Scenario | Unit | floor: median (min–max) | pssocketchat: median (min–max) | ratio to floor |");
            table.AppendLine("|---|---|---|---|---|");
            foreach (var metric in results.Select(r => r.Measurement.Metric).Distinct())
            {
                var floor = results.Where(r => r.Server == "floor" && r.Measurement.Metric == metric).Select(r => r.Measurement).ToList();
                var host = results.Where(r => r.Server == "pssocketchat" && r.Measurement.Metric == metric).Select(r => r.Measurement).ToList();
                var ratio = Median(host) / Median(floor);
                table.AppendLine($"| {metric} | {host[0].Unit} | {Summary(floor)} | {Summary(host)} | {ratio.ToString("0.00", CultureInfo.InvariantCulture)}x |");
            }

            return table.ToString();
        }

        /// <summary>The targets the performance issue sets for the engine, judged from this run's medians.</summary>
        private static void Targets(List<(string Server, Measurement Measurement)> results, string pinning, StringBuilder targets)
        {
            double Ratio(string metric) =>
                Median(results.Where(r => r.Server == "pssocketchat" && r.Measurement.Metric == metric).Select(r => r.Measurement).ToList())
                / Median(results.Where(r => r.Server == "floor" && r.Measurement.Metric == metric).Select(r => r.Measurement).ToList());
            double Host(string metric) =>
                Median(results.Where(r => r.Server == "pssocketchat" && r.Measurement.Metric == metric).Select(r => r.Measurement).ToList());
            void Row(string target, double value, string shown, bool met) =>
                targets.AppendLine($"| {target} | {pinning} | {shown} | {(met ? "yes" : "no")} |");
            string X(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

            foreach (var metric in results.Select(r => r.Measurement.Metric).Distinct())
            {
                if (metric.StartsWith("throughput", StringComparison.Ordinal) || metric.StartsWith("connect", StringComparison.Ordinal))
                {
                    var ratio = Ratio(metric);
                    Row($"{metric}: at least 0.8x the floor", ratio, X(ratio), ratio >= 0.8);
                }
                else if (metric == "ping-pong C=1 p50")
                {
                    var ratio = Ratio(metric);
                    Row($"{metric}: within 1.2x of the floor", ratio, X(ratio), ratio <= 1.2);
                }
                else if (metric.StartsWith("memory per idle connection (1", StringComparison.Ordinal))
                {
                    var kib = Host(metric);
                    Row($"{metric}: under 16 KiB", kib, Format(kib) + " KiB", kib < 16);
                }
            }
        }

        private static string Summary(List<Measurement> values) =>
            $"{Format(Median(values))} ({Format(values.Min(v => v.Value))}–{Format(values.Max(v => v.Value))})";

        private static double Median(List<Measurement> values)
        {
            var sorted = values.Select(v => v.Value).OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }

        private static string Format(double value) => value switch
        {
            >= 10_000 => value.ToString("#,0", CultureInfo.InvariantCulture),
            >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
            _ => value.ToString("0.0", CultureInfo.InvariantCulture),
        };
    }
}
