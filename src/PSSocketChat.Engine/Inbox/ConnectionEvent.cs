using System;

namespace PSSocketChat
{
    /// <summary>
    /// A client connected or a connection ended. Queued in the inbox between the messages, so a consumer sees
    /// a client's arrival before its first message and its departure after its last one.
    /// </summary>
    public sealed class ConnectionEvent : IInboxItem
    {
        internal ConnectionEvent(ConnectionEventKind kind, SocketConnection connection)
        {
            Kind = kind;
            Connection = connection;
            Time = DateTime.UtcNow;
            Reason = connection.CloseReason;
            Detail = connection.CloseDetail;
        }

        public ConnectionEventKind Kind { get; }

        public SocketConnection Connection { get; }

        /// <summary>When it happened, in UTC.</summary>
        public DateTime Time { get; }

        /// <summary>Why the connection ended; <see cref="CloseReason.None"/> for a connect.</summary>
        public CloseReason Reason { get; }

        public string? Detail { get; }

        public override string ToString() => Kind == ConnectionEventKind.Connected
            ? $"{Connection.RemoteEndPoint} connected (connection {Connection.Id})"
            : $"{Connection.RemoteEndPoint} disconnected (connection {Connection.Id}): {CloseReasons.Describe(Reason, Detail)}";
    }
}
