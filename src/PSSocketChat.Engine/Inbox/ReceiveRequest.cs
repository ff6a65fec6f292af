using System;

namespace PSSocketChat
{
    /// <summary>What a consumer asks of an inbox: how many messages, how long to wait, and from whom.</summary>
    public sealed class ReceiveRequest
    {
        /// <summary>Stop after this many messages; null for no limit.</summary>
        public int? Count { get; set; }

        /// <summary>
        /// The longest the whole receive may take. Without <see cref="Count"/> or <see cref="Wait"/> it is how long to
        /// wait for a first message when none is queued. Null waits without limit where waiting is asked for.
        /// </summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>Keep streaming until the count, the timeout, the source closing, or cancellation.</summary>
        public bool Wait { get; set; }

        /// <summary>Only this connection's items (one client of a server's shared inbox); null for all.</summary>
        public SocketConnection? From { get; set; }

        /// <summary>End at the first disconnect: the seed server's lifetime of one client.</summary>
        public bool UntilFirstDisconnect { get; set; }

        internal void Validate()
        {
            if (Count is int count && count < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(Count), count, "Count must be 1 or more.");
            }

            if (Timeout is TimeSpan timeout && timeout < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "Timeout cannot be negative.");
            }
        }
    }
}
