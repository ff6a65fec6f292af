using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PSSocketChat.Framing;

namespace PSSocketChat
{
    /// <summary>
    /// One TCP connection, whichever side opened it: its identity, state and counters. The other parts of this class
    /// hold one concept each: connecting, receiving, sending, replies, the close protocol, and the unterminated-line notice.
    /// </summary>
    public sealed partial class SocketConnection : IDisposable
    {
        private static int s_lastId;

        private readonly Socket _socket;
        private readonly Stream _stream;
        private readonly MessageCodec _codec;
        private readonly SocketServer? _server;
        private readonly TimeSpan? _unterminatedLineNotice;
        private readonly int _readSize;
        private readonly DateTime _openedAtUtc;

        private int _state = (int)ConnectionState.Connecting;
        private long _bytesReceived;
        private long _bytesSent;
        private long _messagesReceived;
        private long _messagesSent;
        private long _messagesDiscarded;
        private int _partialMessageBytes;

        internal SocketConnection(
            Socket socket,
            ConnectionDirection direction,
            MessageCodec codec,
            ConnectionOptions options,
            MessageInbox inbox,
            SocketServer? server,
            byte[]? framedAcknowledgement,
            int id = 0)
        {
            Id = id != 0 ? id : NextId();
            Name = string.IsNullOrEmpty(options.Name) || server != null ? $"Connection{Id}" : options.Name!;
            Direction = direction;
            _socket = socket;
            _socket.NoDelay = true;
            _stream = new NetworkStream(socket, ownsSocket: true);
            _codec = codec;
            _server = server;
            _closeTimeout = options.CloseTimeout;
            _unterminatedLineNotice = options.UnterminatedLineNotice;
            _readSize = codec.ReadSize(options.ReceiveBufferSize);
            _framedAcknowledgement = framedAcknowledgement;
            Inbox = inbox;
            Source = inbox.OpenSource();
            RemoteEndPoint = Endpoints.Normalize((IPEndPoint)socket.RemoteEndPoint);
            LocalEndPoint = Endpoints.Normalize((IPEndPoint)socket.LocalEndPoint);
            _openedAtUtc = DateTime.UtcNow;
        }

        public int Id { get; }

        /// <summary>Ids come from one sequence for both directions, so a connection and its server's side never share one.</summary>
        internal static int NextId() => Interlocked.Increment(ref s_lastId);

        public string Name { get; }

        public ConnectionDirection Direction { get; }

        public IPEndPoint RemoteEndPoint { get; }

        public IPEndPoint LocalEndPoint { get; }

        public ConnectionState State => (ConnectionState)Volatile.Read(ref _state);

        /// <summary>When the connection was established, in local time.</summary>
        public DateTime OpenedAt => _openedAtUtc.ToLocalTime();

        public long BytesReceived => Interlocked.Read(ref _bytesReceived);

        public long BytesSent => Interlocked.Read(ref _bytesSent);

        /// <summary>Messages read from the peer, each numbered by its <see cref="SocketMessage.Sequence"/>; <see cref="MessagesDiscarded"/> of them were not delivered.</summary>
        public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

        /// <summary>
        /// Messages that arrived after a close this side asked for had begun (Close, a server's Stop): neither
        /// delivered nor acknowledged. Every other message received was delivered to the inbox and, where the server
        /// acknowledges, acknowledged.
        /// </summary>
        public long MessagesDiscarded => Interlocked.Read(ref _messagesDiscarded);

        /// <summary>
        /// Bytes received that do not make a whole message yet: a line still waiting for its line feed, or a
        /// length-prefixed message still arriving. Counted in <see cref="BytesReceived"/>, not yet in any message.
        /// </summary>
        public int PartialMessageBytes => Volatile.Read(ref _partialMessageBytes);

        /// <summary>Messages sent, acknowledgements included.</summary>
        public long MessagesSent => Interlocked.Read(ref _messagesSent);

        /// <summary>The server that accepted this connection; null for one this side opened.</summary>
        public SocketServer? Server => _server;

        public MessageFraming Framing => _codec.Framing;

        public Encoding Encoding => _codec.Encoding;

        public int MaxMessageSize => _codec.MaxMessageSize;

        /// <summary>
        /// Where this connection's messages wait for a consumer: its own for a connection this side opened,
        /// its server's for an accepted one. In either, the connection has a bounded queue of its own.
        /// </summary>
        public MessageInbox Inbox { get; }

        /// <summary>This connection's queue in <see cref="Inbox"/>.</summary>
        internal InboxSource Source { get; }

        /// <summary>Messages of this connection delivered to the inbox and not taken yet; at most the inbox capacity.</summary>
        public int QueuedMessages => Source.QueuedMessages;

        /// <summary>Payload bytes of <see cref="QueuedMessages"/>.</summary>
        public long QueuedBytes => Source.QueuedBytes;

        public override string ToString() => $"{Name} ({LocalEndPoint} -> {RemoteEndPoint}, {State})";

        internal void Start()
        {
            Volatile.Write(ref _state, (int)ConnectionState.Open);
            _ = Task.Run(ReceiveLoopAsync);
        }
    }
}
