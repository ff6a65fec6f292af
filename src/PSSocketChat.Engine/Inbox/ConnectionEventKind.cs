namespace PSSocketChat
{
    public enum ConnectionEventKind
    {
        Connected,
        Disconnected,
    }
}
