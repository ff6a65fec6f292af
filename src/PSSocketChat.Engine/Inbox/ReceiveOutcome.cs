namespace PSSocketChat
{
    /// <summary>Why a receive ended.</summary>
    public enum ReceiveOutcome
    {
        /// <summary>Still reading.</summary>
        Reading,

        /// <summary>Everything that was queued has been taken and nothing more was asked for.</summary>
        QueueDrained,

        /// <summary>The requested number of messages arrived.</summary>
        CountReached,

        /// <summary>The timeout passed.</summary>
        TimedOut,

        /// <summary>The connection closed, or the server stopped, and nothing is left to take.</summary>
        SourceClosed,

        /// <summary>A client disconnected and the request ends there.</summary>
        FirstDisconnect,
    }
}
