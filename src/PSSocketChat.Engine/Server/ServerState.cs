namespace PSSocketChat
{
    /// <summary>Where a server is in its life.</summary>
    public enum ServerState
    {
        Listening,
        Stopping,
        Stopped,
    }
}
