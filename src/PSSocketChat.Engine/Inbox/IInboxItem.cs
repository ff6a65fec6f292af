namespace PSSocketChat
{
    /// <summary>Something a consumer takes from an inbox: a <see cref="SocketMessage"/> or a <see cref="ConnectionEvent"/>.</summary>
    public interface IInboxItem
    {
        /// <summary>The connection it concerns; null only for a client turned away before it became one.</summary>
        SocketConnection? Connection { get; }
    }
}
