namespace PSSocketChat
{
    /// <summary>Where a connection is in its life.</summary>
    public enum ConnectionState
    {
        Connecting,
        Open,
        Closing,
        Closed,
    }
}
