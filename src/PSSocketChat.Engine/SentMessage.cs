using System;
using System.Net;

namespace PSSocketChat
{
    /// <summary>A message this side sent: what <c>Send-SocketMessage -PassThru</c> writes.</summary>
    public sealed class SentMessage
    {
        internal SentMessage(SocketConnection connection, string text, int length, DateTime sentAt)
        {
            Connection = connection;
            Text = text;
            Length = length;
            SentAt = sentAt;
        }

        public string Text { get; }

        /// <summary>Payload bytes, framing not counted.</summary>
        public int Length { get; }

        /// <summary>When the send completed, in UTC.</summary>
        public DateTime SentAt { get; }

        public SocketConnection Connection { get; }

        public int ConnectionId => Connection.Id;

        public IPEndPoint RemoteEndPoint => Connection.RemoteEndPoint;

        public override string ToString() => Text;
    }
}
