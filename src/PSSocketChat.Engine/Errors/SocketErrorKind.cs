namespace PSSocketChat
{
    /// <summary>What went wrong, as a stable name that callers map to error ids and categories.</summary>
    public enum SocketErrorKind
    {
        AddressInUse,
        AddressNotAvailable,
        AccessDenied,
        ListenFailed,
        HostNotFound,
        ConnectionRefused,
        ConnectTimeout,
        ConnectFailed,
        ConnectionClosed,
        InvalidMessage,
        MessageTooLarge,
        NameInUse,
        ServerNotFound,
        ConnectionNotFound,
        ReplyTimeout,
        ReceiveTimeout,
    }
}
