using System;
using System.Net;
using System.Threading;
using PSSocketChat.Framing;

namespace PSSocketChat
{
    /// <summary>A message this side sent, made once it is on the wire: what <c>Send-SocketMessage -PassThru</c> writes.</summary>
    public sealed class SentMessage
    {
        // The frame that went out; the payload is read from it only when asked for, so a send that nobody inspects
        // costs nothing more, and no caller can change what this says went out.
        private readonly byte[] _frame;
        private readonly int _payloadOffset;
        private readonly MessageCodec _codec;
        private string? _text;
        private readonly DateTime _sentAtUtc = DateTime.UtcNow;

        internal SentMessage(SocketConnection connection, byte[] frame, int payloadOffset, int length, MessageCodec codec, string? text)
        {
            Connection = connection;
            _frame = frame;
            _payloadOffset = payloadOffset;
            Length = length;
            _codec = codec;
            _text = text;
        }

        /// <summary>The message as text; for bytes sent as they were, their decoding in the connection's encoding.</summary>
        public string Text
        {
            get
            {
                var text = Volatile.Read(ref _text);
                if (text is null)
                {
                    text = _codec.Encoding.GetString(_frame, _payloadOffset, Length);
                    Volatile.Write(ref _text, text);
                }

                return text;
            }
        }

        /// <summary>A copy of the payload as it went on the wire, framing removed.</summary>
        public byte[] Bytes
        {
            get
            {
                var bytes = new byte[Length];
                Buffer.BlockCopy(_frame, _payloadOffset, bytes, 0, Length);
                return bytes;
            }
        }

        /// <summary>Payload bytes, framing not counted.</summary>
        public int Length { get; }

        /// <summary>When the send completed, in local time.</summary>
        public DateTime SentAt => _sentAtUtc.ToLocalTime();

        public SocketConnection Connection { get; }

        public int ConnectionId => Connection.Id;

        public IPEndPoint RemoteEndPoint => Connection.RemoteEndPoint;

        public override string ToString() => Text;

    }
}
