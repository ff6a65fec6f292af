namespace PSSocketChat
{
    public static class ReceiveOutcomeExtensions
    {
        /// <summary>Why a receive ended, in words for a person (verbose output, logs).</summary>
        public static string Describe(this ReceiveOutcome outcome) => outcome switch
        {
            ReceiveOutcome.Reading => "still reading",
            ReceiveOutcome.QueueDrained => "nothing more was waiting",
            ReceiveOutcome.CountReached => "the count was reached",
            ReceiveOutcome.TimedOut => "the timeout passed",
            ReceiveOutcome.SourceClosed => "the source closed",
            ReceiveOutcome.FirstDisconnect => "the first client disconnected",
            _ => outcome.ToString(),
        };
    }
}
