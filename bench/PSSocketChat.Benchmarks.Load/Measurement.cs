namespace PSSocketChat.Benchmarks.Load
{
    /// <summary>One number a scenario produced: what, how much, in what unit, and which way is better.</summary>
    internal sealed record Measurement(string Metric, double Value, string Unit, bool HigherIsBetter);
}
