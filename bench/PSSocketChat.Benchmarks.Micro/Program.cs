using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;

namespace PSSocketChat.Benchmarks.Micro
{
    /// <summary>
    /// dotnet run -c Release --project bench/PSSocketChat.Benchmarks.Micro -- [--summary &lt;path&gt;] [--artifacts &lt;dir&gt;] [BenchmarkDotNet options]
    ///
    /// Runs every benchmark (or those --filter picks) with the short job of <see cref="MicroConfig"/>: about 4 minutes on
    /// 2 cores. --summary writes one markdown table of the results per message; --artifacts is where BenchmarkDotNet puts
    /// its logs and reports (bench/artifacts/micro by default). Every other argument goes to BenchmarkDotNet.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var passThrough = new List<string>();
            string? summaryPath = null;
            string? artifactsPath = null;
            for (var i = 0; i < args.Length; i++)
            {
                if ((args[i] == "--summary" || args[i] == "--artifacts") && i + 1 >= args.Length)
                {
                    Console.Error.WriteLine($"{args[i]} needs a path.");
                    return 2;
                }

                switch (args[i])
                {
                    case "--summary":
                        summaryPath = Path.GetFullPath(args[++i]);
                        break;
                    case "--artifacts":
                        artifactsPath = Path.GetFullPath(args[++i]);
                        break;
                    default:
                        passThrough.Add(args[i]);
                        break;
                }
            }

            // Without a filter BenchmarkDotNet asks which benchmarks to run; a plain run means all of them.
            if (!passThrough.Any(arg => arg == "--filter" || arg == "-f" || arg.StartsWith("--filter=", StringComparison.Ordinal)))
            {
                passThrough.Add("--filter");
                passThrough.Add("*");
            }

            var config = MicroConfig.Create(artifactsPath ?? DefaultArtifactsPath());
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(passThrough.ToArray(), config).ToList();

            if (summaryPath != null)
            {
                if (summaries.Count == 0)
                {
                    Console.Error.WriteLine($"No benchmark ran, so no summary was written to {summaryPath}.");
                    return 1;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(summaryPath)!);
                File.WriteAllText(summaryPath, SummaryTable.Render(summaries));
                Console.WriteLine($"Summary: {summaryPath}");
            }

            var failed = summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success));
            return failed ? 1 : 0;
        }

        /// <summary>bench/artifacts/micro in the repository this program was built from, wherever it is run from.</summary>
        private static string DefaultArtifactsPath()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "PSSocketChat.slnx")))
                {
                    return Path.Combine(directory.FullName, "bench", "artifacts", "micro");
                }
            }

            return Path.GetFullPath(Path.Combine("bench", "artifacts", "micro"));
        }
    }
}
