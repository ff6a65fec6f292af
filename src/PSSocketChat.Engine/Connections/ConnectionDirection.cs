namespace PSSocketChat
{
    /// <summary>Which side opened a connection.</summary>
    public enum ConnectionDirection
    {
        /// <summary>Accepted by one of this session's servers.</summary>
        Inbound,

        /// <summary>Opened by this session to a remote server.</summary>
        Outbound,
    }
}
