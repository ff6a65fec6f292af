using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PSSocketChat.Benchmarks.Micro
{
    /// <summary>
    /// One compact markdown table of every case, made from BenchmarkDotNet's results: time and allocation per message,
    /// and the rate one core sustains at that time.
    /// </summary>
    internal static class SummaryTable
    {
        private static readonly string[] MethodOrder =
        {
            nameof(DecodeBenchmarks.Decode), nameof(DecodeBenchmarks.DecodeWithText),
            nameof(EncodeBenchmarks.FrameText), nameof(EncodeBenchmarks.FrameBytes),
        };

        public static string Render(IEnumerable<Summary> summaries)
        {
            var rows = summaries
                .SelectMany(summary => summary.Reports)
                .OrderBy(report => Array.IndexOf(MethodOrder, report.BenchmarkCase.Descriptor.WorkloadMethod.Name))
                .ThenBy(report => Parameter(report.BenchmarkCase, nameof(DecodeBenchmarks.Framing)))
                .ThenBy(report => Parameter(report.BenchmarkCase, nameof(DecodeBenchmarks.Size)))
                .ThenBy(report => Parameter(report.BenchmarkCase, nameof(DecodeBenchmarks.PerRead)))
                .ThenBy(report => Parameter(report.BenchmarkCase, nameof(DecodeBenchmarks.Text)));

            var table = new StringBuilder();
            table.AppendLine("| Benchmark | Framing | Size | Per read | Text | ns/message (median) | messages/s per core | bytes allocated/message |");
            table.AppendLine("|---|---|---:|---|---|---:|---:|---:|");
            foreach (var report in rows)
            {
                var benchmark = report.BenchmarkCase;
                var median = report.ResultStatistics?.Median;
                var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmark);
                table.Append("| ").Append(benchmark.Descriptor.WorkloadMethod.Name)
                    .Append(" | ").Append(Parameter(benchmark, nameof(DecodeBenchmarks.Framing)))
                    .Append(" | ").Append(SizeText((int)Parameter(benchmark, nameof(DecodeBenchmarks.Size))!))
                    .Append(" | ").Append(PerReadText(benchmark))
                    .Append(" | ").Append(PayloadTexts.Name((PayloadText)Parameter(benchmark, nameof(DecodeBenchmarks.Text))!))
                    .Append(" | ").Append(median is double ns && report.Success ? ns.ToString("F1", CultureInfo.InvariantCulture) : "failed")
                    .Append(" | ").Append(median is double rate && report.Success && rate > 0 ? Rate(1e9 / rate) : "-")
                    .Append(" | ").Append(allocated is long bytes && report.Success ? bytes.ToString(CultureInfo.InvariantCulture) : "-")
                    .AppendLine(" |");
            }

            return table.ToString();
        }

        private static object? Parameter(BenchmarkCase benchmark, string name) =>
            benchmark.Parameters.Items.FirstOrDefault(parameter => parameter.Name == name)?.Value;

        private static string SizeText(int size) =>
            size % 1024 == 0 ? $"{size / 1024} KiB" : $"{size} B";

        /// <summary>Decode cases name the messages in one read, counted as the benchmark counted them; encoding has no reads.</summary>
        private static string PerReadText(BenchmarkCase benchmark)
        {
            if (!(Parameter(benchmark, nameof(DecodeBenchmarks.PerRead)) is ReadShape shape))
            {
                return "-";
            }

            var fixture = DecodeFixture.Create(
                (MessageFraming)Parameter(benchmark, nameof(DecodeBenchmarks.Framing))!,
                (int)Parameter(benchmark, nameof(DecodeBenchmarks.Size))!,
                shape,
                (PayloadText)Parameter(benchmark, nameof(DecodeBenchmarks.Text))!);
            return shape == ReadShape.One
                ? "1"
                : $"{fixture.MessagesPerRead} ({fixture.ReadLength} B of {SizeText(fixture.Read.Length)})";
        }

        private static string Rate(double perSecond) =>
            perSecond >= 1e6
                ? (perSecond / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " M"
                : (perSecond / 1e3).ToString("F0", CultureInfo.InvariantCulture) + " k";
    }
}
