using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace PSSocketChat.Benchmarks.Micro
{
    /// <summary>The one job every benchmark runs with.</summary>
    internal static class MicroConfig
    {
        public static IConfig Create(string artifactsPath) => DefaultConfig.Instance
            // 64 cases must finish in about 4 minutes on a 2-core machine, so each gets ~3 seconds instead of
            // BenchmarkDotNet's usual 15-30: one launch (its own process, as usual), 3 warmup and 9 measured iterations
            // of 150 ms. The spread this costs shows in BenchmarkDotNet's own report (Error, StdDev); the summary takes
            // the median. A MinIterationTime warning of 80-100 ms can remain: the pilot sizes iterations before tiered
            // JIT has finished optimizing, and an iteration of thousands of invocations is long enough at 80 ms.
            .AddJob(Job.Default
                .WithId("Micro")
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(9)
                .WithIterationTime(TimeInterval.FromMilliseconds(150)))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(artifactsPath);
    }
}
