namespace PSSocketChat
{
    public enum ConnectionEventKind
    {
        /// <summary>A client connected to a server.</summary>
        Connected,

        /// <summary>The connection ended; <see cref="ConnectionEvent.Reason"/> says why.</summary>
        Disconnected,

        /// <summary>A client connected and the server turned it away at once (its connection limit was reached).</summary>
        Rejected,

        /// <summary>Accepting a client failed (it reset first, or the process ran short of file descriptors); the server goes on.</summary>
        AcceptFailed,

        /// <summary>
        /// Reported once per connection: in Line framing, the peer sent bytes without a line feed and then went quiet,
        /// as a peer that never ends its messages with one does.
        /// </summary>
        UnterminatedLine,
    }
}
