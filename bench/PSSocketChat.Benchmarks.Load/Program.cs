using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat.Benchmarks.Load
{
    /// <summary>
    /// pssocketchat-load floor [--port 0]                      the floor server
    /// pssocketchat-load suite --host PSSOCKETCHAT.DLL --out FILE.md [--repeats 3] [--quick]
    /// pssocketchat-load profile --host PSSOCKETCHAT.DLL --trace-tool DOTNET-TRACE --work FOLDER --out FILE.md
    /// pssocketchat-load profile-summary TRACE.speedscope.json [--top 15]
    /// pssocketchat-load throughput|ping-pong|connect --target HOST:PORT [--connections C] [--messages M] [--window W] [--count N]
    /// </summary>
    internal static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (args.Length == 0)
            {
                Console.Error.WriteLine("usage: pssocketchat-load floor|suite|throughput|ping-pong|connect ...");
                return 2;
            }

            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            var bound = TimeSpan.FromMinutes(2);
            switch (args[0])
            {
                case "floor":
                    return await FloorServer.RunAsync(Int(args, "--port", 0), stop.Token).ConfigureAwait(false);
                case "suite":
                    var suite = new Suite(Text(args, "--host"), typeof(Program).Assembly.Location, Int(args, "--repeats", 3), Array.IndexOf(args, "--quick") >= 0);
                    var report = await suite.RunAsync().ConfigureAwait(false);
                    File.WriteAllText(Text(args, "--out"), report);
                    Console.Write(report);
                    return 0;
                case "profile":
                    var profile = await Profiling.RunAsync(Text(args, "--host"), Text(args, "--trace-tool"), Text(args, "--work")).ConfigureAwait(false);
                    File.WriteAllText(Text(args, "--out"), profile);
                    Console.Write(profile);
                    return 0;
                case "profile-summary":
                    Console.Write(ProfileSummary.Summarize(args[1], Int(args, "--top", 15)));
                    return 0;
                case "throughput":
                    Print(await ThroughputScenario.RunAsync(Target(args), Int(args, "--connections", 1), Int(args, "--messages", 1_000_000), Int(args, "--window", 64), Int(args, "--size", 64), bound).ConfigureAwait(false));
                    return 0;
                case "ping-pong":
                    Print(await PingPongScenario.RunAsync(Target(args), Int(args, "--connections", 1), Int(args, "--messages", 10_000), 1_000, Int(args, "--size", 64), bound).ConfigureAwait(false));
                    return 0;
                case "connect":
                    Print(await ConnectScenario.RunAsync(Target(args), Int(args, "--count", 2_000), Int(args, "--size", 64), () => 0, 0, bound).ConfigureAwait(false));
                    return 0;
                default:
                    Console.Error.WriteLine($"unknown command '{args[0]}'");
                    return 2;
            }
        }

        private static void Print(System.Collections.Generic.IReadOnlyList<Measurement> measurements)
        {
            foreach (var m in measurements)
            {
                Console.WriteLine($"{m.Metric}: {m.Value:0.0} {m.Unit}");
            }
        }

        private static IPEndPoint Target(string[] args) => IPEndPoint.Parse(Text(args, "--target"));

        private static string Text(string[] args, string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : throw new ArgumentException($"{name} is required.");
        }

        private static int Int(string[] args, string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
        }
    }
}
