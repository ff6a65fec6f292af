namespace PSSocketChat
{
    /// <summary>Something a consumer takes from an inbox: a <see cref="SocketMessage"/> or a <see cref="ConnectionEvent"/>.</summary>
    public interface IInboxItem
    {
        SocketConnection Connection { get; }
    }
}
