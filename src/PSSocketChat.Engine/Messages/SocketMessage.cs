using System;
using System.Net;
using System.Threading;
using PSSocketChat.Framing;

namespace PSSocketChat
{
    /// <summary>One message received on a connection.</summary>
    public sealed class SocketMessage : IInboxItem
    {
        // The connection's codec, shared: holding it costs no allocation, where a decode delegate would cost one per message.
        private readonly MessageCodec _codec;
        private string? _text;

        private readonly DateTime _receivedAtUtc;

        internal SocketMessage(SocketConnection connection, long sequence, byte[] bytes, DateTime receivedAtUtc, MessageCodec codec, bool unterminated = false)
        {
            Connection = connection;
            Sequence = sequence;
            Bytes = bytes;
            _receivedAtUtc = receivedAtUtc;
            _codec = codec;
            Unterminated = unterminated;
        }

        /// <summary>
        /// The payload as text. Decoded on first use, on the consumer's thread, so a server that only counts
        /// messages never pays for decoding.
        /// </summary>
        public string Text
        {
            get
            {
                var text = Volatile.Read(ref _text);
                if (text is null)
                {
                    text = _codec.DecodeText(Bytes);
                    Volatile.Write(ref _text, text);
                }

                return text;
            }
        }

        /// <summary>The payload exactly as received, framing removed.</summary>
        public byte[] Bytes { get; }

        public int Length => Bytes.Length;

        /// <summary>1 for the first message on its connection, then 2, 3, ...</summary>
        public long Sequence { get; }

        /// <summary>When the engine read it from the socket, in local time.</summary>
        public DateTime ReceivedAt => _receivedAtUtc.ToLocalTime();

        /// <summary>
        /// True for the last message of a Line-framed connection whose peer closed before ending it with a line feed:
        /// delivered, rather than lost, and marked, because a line that lacks its end may also lack its last part.
        /// </summary>
        public bool Unterminated { get; }

        /// <summary>The connection it came on; send to it to reply.</summary>
        public SocketConnection Connection { get; }

        public int ConnectionId => Connection.Id;

        public IPEndPoint RemoteEndPoint => Connection.RemoteEndPoint;

        public override string ToString() => Text;
    }
}
