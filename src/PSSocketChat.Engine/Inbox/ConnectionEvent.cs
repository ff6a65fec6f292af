using System;
using System.Net;

namespace PSSocketChat
{
    /// <summary>
    /// Something that happened to a connection, queued in the inbox between the messages, so a consumer sees a
    /// client's arrival before its first message and its departure after its last one.
    /// </summary>
    public sealed class ConnectionEvent : IInboxItem
    {
        private readonly DateTime _timeUtc = DateTime.UtcNow;

        internal ConnectionEvent(ConnectionEventKind kind, SocketConnection connection, int partialBytes = 0)
        {
            Kind = kind;
            Connection = connection;
            RemoteEndPoint = connection.RemoteEndPoint;
            Reason = connection.CloseReason;
            Detail = connection.CloseDetail;
            PartialBytes = partialBytes;
        }

        /// <summary>
        /// A client the server turned away before it became a connection (its address), or an accept that failed (the
        /// server's own address, as no client is known).
        /// </summary>
        internal ConnectionEvent(IPEndPoint endPoint, string detail, ConnectionEventKind kind)
        {
            Kind = kind;
            RemoteEndPoint = endPoint;
            Detail = detail;
        }

        public ConnectionEventKind Kind { get; }

        /// <summary>The connection; null for <see cref="ConnectionEventKind.Rejected"/> and <see cref="ConnectionEventKind.AcceptFailed"/>.</summary>
        public SocketConnection? Connection { get; }

        /// <summary>The peer's address and port; for <see cref="ConnectionEventKind.AcceptFailed"/>, the server's own.</summary>
        public IPEndPoint RemoteEndPoint { get; }

        /// <summary>When it happened, in local time.</summary>
        public DateTime Time => _timeUtc.ToLocalTime();

        /// <summary>Why the connection ended; <see cref="CloseReason.None"/> for the other kinds.</summary>
        public CloseReason Reason { get; }

        /// <summary>What the kind and reason alone do not say, such as the rule broken or why a client was turned away.</summary>
        public string? Detail { get; }

        /// <summary>For <see cref="ConnectionEventKind.UnterminatedLine"/>: the bytes waiting for their line feed.</summary>
        public int PartialBytes { get; }

        public override string ToString() => Kind switch
        {
            ConnectionEventKind.Connected => $"{RemoteEndPoint} connected (connection {Connection!.Id})",
            ConnectionEventKind.Rejected => $"{RemoteEndPoint} turned away: {Detail}",
            ConnectionEventKind.AcceptFailed => $"{RemoteEndPoint}: {Detail}; the server goes on",
            ConnectionEventKind.UnterminatedLine =>
                $"{RemoteEndPoint} (connection {Connection!.Id}) sent {PartialBytes} byte(s) without a line feed and paused. " +
                "In Line framing a message ends at a line feed, so they are not a message yet; a peer that never sends one " +
                "(a program that calls send() and recv() without newlines, as the classroom seed programs do) needs Raw framing.",
            _ => $"{RemoteEndPoint} disconnected (connection {Connection!.Id}): {Reason.Describe(Detail)}",
        };
    }
}
