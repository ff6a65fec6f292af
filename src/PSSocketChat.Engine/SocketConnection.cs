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
    /// One TCP connection, whichever side opened it: its identity, state and counters, and an orderly close.
    /// Receiving, sending and connecting are in the other parts of this class.
    /// </summary>
    public sealed partial class SocketConnection : IDisposable
    {
        private static int s_lastId;

        private readonly Socket _socket;
        private readonly Stream _stream;
        private readonly MessageCodec _codec;
        private readonly SocketServer? _server;
        private readonly TimeSpan _closeTimeout;
        private readonly TimeSpan? _unterminatedLineNotice;
        private readonly int _readSize;
        private readonly DateTime _openedAtUtc;

        // Ends everything at once: pending reads and writes fail and the socket is released.
        private readonly CancellationTokenSource _abort = new CancellationTokenSource();

        // Set when a local close begins: the receive loop stops waiting for inbox room and keeps reading only to see the FIN.
        private readonly CancellationTokenSource _stopDelivery = new CancellationTokenSource();
        private readonly TaskCompletionSource<bool> _finished = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        // Guards the move out of Open, so the reason is always recorded before anyone can see the new state.
        private readonly object _stateGate = new object();
        private int _state = (int)ConnectionState.Connecting;
        private CloseReason _closeReason;
        private string? _closeDetail;
        private long _closedAtTicks;
        private long _bytesReceived;
        private long _bytesSent;
        private long _messagesReceived;
        private long _messagesSent;
        private long _messagesDiscarded;
        private int _partialMessageBytes;

        // Set under the write lock when our FIN goes out; nothing may be written after it.
        private bool _sendShutdown;

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

        /// <summary>When it closed, in local time; null while it is not closed.</summary>
        public DateTime? ClosedAt
        {
            get
            {
                var ticks = Interlocked.Read(ref _closedAtTicks);
                return ticks == 0 ? (DateTime?)null : new DateTime(ticks, DateTimeKind.Utc).ToLocalTime();
            }
        }

        public CloseReason CloseReason => State == ConnectionState.Open ? CloseReason.None : _closeReason;

        /// <summary>What the close reason alone does not say, such as the protocol rule broken.</summary>
        public string? CloseDetail => State == ConnectionState.Open ? null : _closeDetail;

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

        /// <summary>Closes in order and waits for it; see <see cref="CloseAsync()"/>.</summary>
        public void Close() => CloseAsync().GetAwaiter().GetResult();

        /// <summary>
        /// Closes in order, waiting for it until <paramref name="cancellationToken"/> is cancelled (Ctrl+C): then the
        /// close goes on by itself, bounded by the close timeout, and the wait ends at once.
        /// </summary>
        /// <exception cref="OperationCanceledException">The token was cancelled before the close finished.</exception>
        public void Close(CancellationToken cancellationToken) => Blocking.Wait(CloseAsync(), cancellationToken);

        /// <summary>
        /// Closes in order: pending sends finish, a FIN goes out, and the peer gets up to the close timeout to
        /// finish too before the connection is reset. Safe to call any number of times, from any thread.
        /// </summary>
        public Task CloseAsync() => CloseAsync(CloseReason.LocalClose);

        public void Dispose() => Close();

        public override string ToString() => $"{Name} ({LocalEndPoint} -> {RemoteEndPoint}, {State})";

        internal void Start()
        {
            Volatile.Write(ref _state, (int)ConnectionState.Open);
            _ = Task.Run(ReceiveLoopAsync);
        }

        internal async Task CloseAsync(CloseReason reason)
        {
            if (TryBeginClosing(reason, detail: null))
            {
                _stopDelivery.Cancel();
                await ShutdownSendAsync().ConfigureAwait(false);
            }

            var finished = _finished.Task;
            if (await Task.WhenAny(finished, Task.Delay(_closeTimeout)).ConfigureAwait(false) != finished)
            {
                Abort();
            }

            await finished.ConfigureAwait(false);
        }

        private bool TryBeginClosing(CloseReason reason, string? detail)
        {
            lock (_stateGate)
            {
                if (_state != (int)ConnectionState.Open)
                {
                    return false;
                }

                _closeReason = reason;
                _closeDetail = detail;
                Volatile.Write(ref _state, (int)ConnectionState.Closing);
                return true;
            }
        }

        /// <summary>Lets a send in progress finish, then sends FIN; a send that will not finish in time means a reset.</summary>
        private async Task ShutdownSendAsync()
        {
            if (!await _writeLock.WaitAsync(_closeTimeout).ConfigureAwait(false))
            {
                Abort();
                return;
            }

            try
            {
                _sendShutdown = true;
                _socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                // Already reset or released: there is nothing left to flush.
            }
            finally
            {
                _writeLock.Release();
            }
        }

        private void Abort()
        {
            try
            {
                _abort.Cancel();
            }
            finally
            {
                _stream.Dispose();
            }
        }

        /// <summary>The one way a connection ends, run once by the receive loop whatever ended it.</summary>
        private async Task FinishAsync(CloseReason reason, string? detail)
        {
            try
            {
                OnFinishingForTests?.Invoke();
                StopWatchingLines();
                if (TryBeginClosing(reason, detail) && reason != CloseReason.Reset)
                {
                    // The peer is done, or broke the rules: what we already queued still goes out, then our FIN.
                    await ShutdownSendAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                // Whatever failed above, the connection is over: it says so, its consumers wake, and every close
                // waiting on it returns. A failure here must never leave a closer waiting for ever.
                try
                {
                    TryBeginClosing(CloseReason.Reset, "internal error while closing");
                    NoteDiscarded();
                    _stream.Dispose();
                    Interlocked.Exchange(ref _closedAtTicks, DateTime.UtcNow.Ticks);
                    Volatile.Write(ref _state, (int)ConnectionState.Closed);
                    if (_server != null)
                    {
                        _server.OnConnectionClosed(this);
                    }
                    else
                    {
                        Inbox.AddEvent(new ConnectionEvent(ConnectionEventKind.Disconnected, this));
                        Inbox.Complete();
                    }
                }
                finally
                {
                    _finished.TrySetResult(true);
                }
            }
        }

        /// <summary>What a close discarded is part of why it ended as it did: said in the detail, after any other.</summary>
        private void NoteDiscarded()
        {
            var discarded = MessagesDiscarded;
            if (discarded == 0)
            {
                return;
            }

            lock (_stateGate)
            {
                var note = $"{discarded} message(s) that arrived after the close began were discarded, unacknowledged";
                _closeDetail = string.IsNullOrEmpty(_closeDetail) ? note : $"{_closeDetail}; {note}";
            }
        }

        /// <summary>A test's way into the finish path, to prove that a failure there still ends the connection.</summary>
        internal Action? OnFinishingForTests { get; set; }

        /// <summary>
        /// A send cancelled while on the wire: half a frame cannot be taken back, so the connection is reset, and says so.
        /// </summary>
        private void ResetForCancelledSend()
        {
            if (TryBeginClosing(CloseReason.Reset, "a send was cancelled before it finished; half a message cannot be taken back"))
            {
                _stopDelivery.Cancel();
            }

            try
            {
                // A linger of zero makes the close an RST, so the peer knows the stream is broken.
                _socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                // Already gone: nothing to reset.
            }

            Abort();
        }

        private SocketChatException ClosedError(Exception? cause = null) => new SocketChatException(
            SocketErrorKind.ConnectionClosed,
            $"Connection {Id} to {RemoteEndPoint} is {(State == ConnectionState.Closed ? "closed" : "closing")}: {CloseReasons.Describe(CloseReason, CloseDetail)}.",
            this,
            cause);
    }
}
