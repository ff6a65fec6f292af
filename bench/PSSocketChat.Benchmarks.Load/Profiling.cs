using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace PSSocketChat.Benchmarks.Load
{
    /// <summary>
    /// Where the console host's time goes under load: dotnet-trace samples its threads (the
    /// dotnet-sampled-thread-time profile) while the generator runs the C=1 W=64 throughput scenario against it, the
    /// server pinned to core 1 and the generator to core 0; the trace is summarized by <see cref="ProfileSummary"/>.
    /// </summary>
    internal static class Profiling
    {
        public static async Task<string> RunAsync(string hostDll, string traceTool, string workFolder)
        {
            Directory.CreateDirectory(workFolder);
            var trace = Path.Combine(workFolder, "host.nettrace");
            using var server = ServerProcess.Start(hostDll, "server --address 127.0.0.1 --port 0 --quiet", core: 1);
            if (OperatingSystem.IsLinux())
            {
                Process.GetCurrentProcess().ProcessorAffinity = (IntPtr)1;
            }

            // Warm: the profile should show the steady state, not the JIT.
            await ThroughputScenario.RunAsync(server.EndPoint, 1, 300_000, 64, 64, TimeSpan.FromMinutes(2)).ConfigureAwait(false);
            var start = new ProcessStartInfo(traceTool, $"collect -p {server.Id} --profile dotnet-sampled-thread-time --format Speedscope --duration 00:00:00:05 -o \"{trace}\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var collector = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {traceTool}.");
            var collectorOutput = collector.StandardOutput.ReadToEndAsync();
            await Task.Delay(1000).ConfigureAwait(false);

            // More messages than five seconds can take, so the whole trace is under load; the trace ends first.
            var load = ThroughputScenario.RunAsync(server.EndPoint, 1, 8_000_000, 64, 64, TimeSpan.FromMinutes(2));
            if (!collector.WaitForExit(60_000))
            {
                collector.Kill();
                throw new TimeoutException("dotnet-trace did not finish.");
            }

            await load.ConfigureAwait(false);
            if (collector.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet-trace failed: {await collectorOutput.ConfigureAwait(false)}");
            }

            var speedscope = Path.ChangeExtension(trace, ".speedscope.json");
            return ProfileSummary.Summarize(speedscope, top: 12);
        }
    }
}
