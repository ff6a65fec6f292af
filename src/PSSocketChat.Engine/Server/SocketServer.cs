using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PSSocketChat.Framing;

namespace PSSocketChat
{
    /// <summary>
    /// A TCP server: accepts clients, runs a receive loop for each, acknowledges what they send and queues their
    /// messages in its <see cref="Inbox"/>, where each client has a bounded queue of its own, for a consumer to take
    /// on its own thread.
    /// </summary>
    public sealed class SocketServer : IDisposable
    {
        private static int s_lastId;

        private readonly Socket _listener;
        private readonly MessageCodec _codec;
        private readonly SocketServerOptions _options;
        private readonly byte[]? _framedAcknowledgement;
        private readonly ConcurrentDictionary<int, SocketConnection> _connections = new ConcurrentDictionary<int, SocketConnection>();
        private readonly object _stopGate = new object();
        private Task? _acceptLoop;
        private Task? _stopping;
        private int _state = (int)ServerState.Listening;
        private long _messagesReceived;
        private long _connectionsAccepted;
        private long _connectionsRejected;
        private long _acceptFailures;
        private string? _lastAcceptFailure;

        private static readonly TimeSpan MinimumAcceptPause = TimeSpan.FromMilliseconds(10);
        private static readonly TimeSpan MaximumAcceptPause = TimeSpan.FromSeconds(1);
        private long _stoppedAtTicks;
        private readonly DateTime _startedAtUtc;

        private SocketServer(Socket listener, SocketServerOptions options, MessageCodec codec, byte[]? framedAcknowledgement)
        {
            Id = Interlocked.Increment(ref s_lastId);
            Name = string.IsNullOrEmpty(options.Name) ? $"Server{Id}" : options.Name!;
            _listener = listener;
            _options = options;
            _codec = codec;
            _framedAcknowledgement = framedAcknowledgement;
            LocalEndPoint = (IPEndPoint)listener.LocalEndPoint;
            _startedAtUtc = DateTime.UtcNow;
            Inbox = new MessageInbox(options.InboxCapacity, options.InboxByteCapacity);
        }

        public int Id { get; }

        public string Name { get; }

        /// <summary>The address and port it listens on; the real port when 0 was asked for.</summary>
        public IPEndPoint LocalEndPoint { get; }

        /// <summary>The port it listens on: the one the system chose when 0 was asked for.</summary>
        public int Port => LocalEndPoint.Port;

        public ServerState State => (ServerState)Volatile.Read(ref _state);

        /// <summary>When it started listening, in local time.</summary>
        public DateTime StartedAt => _startedAtUtc.ToLocalTime();

        /// <summary>When it stopped, in local time; null while it has not.</summary>
        public DateTime? StoppedAt
        {
            get
            {
                var ticks = Interlocked.Read(ref _stoppedAtTicks);
                return ticks == 0 ? (DateTime?)null : new DateTime(ticks, DateTimeKind.Utc).ToLocalTime();
            }
        }

        public MessageFraming Framing => _codec.Framing;

        public Encoding Encoding => _codec.Encoding;

        public int MaxMessageSize => _codec.MaxMessageSize;

        /// <summary>The text sent back for each message, or null when the server does not acknowledge.</summary>
        public string? Acknowledgement => _options.Acknowledgement;

        /// <summary>The open connections, as they are now.</summary>
        public SocketConnection[] Connections => _connections.Values.OrderBy(c => c.Id).ToArray();

        public int ConnectionCount => _connections.Count;

        public long ConnectionsAccepted => Interlocked.Read(ref _connectionsAccepted);

        /// <summary>Clients turned away because <see cref="MaxConnections"/> were already connected.</summary>
        public long ConnectionsRejected => Interlocked.Read(ref _connectionsRejected);

        public int? MaxConnections => _options.MaxConnections;

        /// <summary>Times accepting a client failed (it reset first, or the process ran short of file descriptors); the server went on.</summary>
        public long AcceptFailures => Interlocked.Read(ref _acceptFailures);

        /// <summary>Why the last accept failed; null while none has.</summary>
        public string? LastAcceptFailure => Volatile.Read(ref _lastAcceptFailure);

        public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

        /// <summary>
        /// Messages from every client, and their connects and disconnects: each client's in order, in a queue of its
        /// own; taken from the whole inbox, the clients with something waiting take turns.
        /// </summary>
        public MessageInbox Inbox { get; }

        /// <summary>Binds and listens; the server accepts clients in the background from then on.</summary>
        /// <exception cref="SocketChatException">The address is in use, not on this machine, or not allowed.</exception>
        public static SocketServer Start(SocketServerOptions? options = null)
        {
            options ??= new SocketServerOptions();
            options.Validate();
            var codec = MessageCodec.From(options);

            // Checked before binding: an acknowledgement the framing cannot carry must not leave a port taken.
            var framedAcknowledgement = options.Acknowledgement is null ? null : FrameAcknowledgement(codec, options.Acknowledgement);
            var endPoint = new IPEndPoint(options.Address, options.Port);
            var listener = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                if (endPoint.Address.Equals(IPAddress.IPv6Any))
                {
                    // "::" means every address: IPv4 clients too, where the OS supports dual-mode sockets.
                    listener.DualMode = true;
                }

                listener.Bind(endPoint);
                listener.Listen(options.Backlog);
            }
            catch (SocketException e)
            {
                listener.Dispose();
                throw SocketExceptionMapping.ForListen(e, endPoint);
            }

            var server = new SocketServer(listener, options, codec, framedAcknowledgement);
            server._acceptLoop = Task.Run(server.AcceptLoopAsync);
            return server;
        }

        private static byte[] FrameAcknowledgement(MessageCodec codec, string acknowledgement)
        {
            try
            {
                return codec.FrameText(acknowledgement, nameof(SocketServerOptions.Acknowledgement));
            }
            catch (SocketChatException e)
            {
                // The message alone would read as if a message had been sent: say it is the acknowledgement that does not fit.
                var problem = e.Kind == SocketErrorKind.MessageTooLarge
                    ? $"The acknowledgement '{acknowledgement}' is {codec.Encoding.GetByteCount(acknowledgement)} bytes, more than the maximum message size of {codec.MaxMessageSize} bytes; allow larger messages or choose a shorter acknowledgement."
                    : codec.Framing == MessageFraming.Raw
                        ? "An empty acknowledgement cannot be sent in Raw framing: it would put nothing on the wire. Choose a text, or send no acknowledgement."
                        : $"The acknowledgement '{acknowledgement}' cannot be sent in {codec.Framing} framing: it contains a line break, which would end it early. Choose a text of one line.";
                throw new SocketChatException(e.Kind, problem, e.Target, e);
            }
        }

        /// <summary>Stops and waits for it; see <see cref="StopAsync"/>.</summary>
        public void Stop() => StopAsync().GetAwaiter().GetResult();

        /// <summary>
        /// Stops, waiting for it until <paramref name="cancellationToken"/> is cancelled (Ctrl+C): then the stop goes
        /// on by itself (the port is already free; clients get the close timeout) and the wait ends at once.
        /// </summary>
        /// <exception cref="OperationCanceledException">The token was cancelled before the stop finished.</exception>
        public void Stop(CancellationToken cancellationToken) => Blocking.Wait(StopAsync(), cancellationToken);

        /// <summary>
        /// Stops accepting, releases the port, closes every client in order (each within the close timeout, all at
        /// once) and completes the inbox. Messages already queued can still be taken. Safe to call repeatedly.
        /// </summary>
        public Task StopAsync()
        {
            lock (_stopGate)
            {
                return _stopping ??= StopCoreAsync();
            }
        }

        public void Dispose() => Stop();

        public override string ToString() => $"{Name} ({LocalEndPoint}, {State})";

        internal void CountMessages(int count)
        {
            if (count > 0)
            {
                Interlocked.Add(ref _messagesReceived, count);
            }
        }

        internal void OnConnectionClosed(SocketConnection connection)
        {
            _connections.TryRemove(connection.Id, out _);
            Inbox.AddEvent(new ConnectionEvent(ConnectionEventKind.Disconnected, connection));
        }

        private async Task StopCoreAsync()
        {
            Volatile.Write(ref _state, (int)ServerState.Stopping);
            _listener.Dispose();
            if (_acceptLoop != null)
            {
                await _acceptLoop.ConfigureAwait(false);
            }

            // The accept loop has ended, so no connection can be added behind this snapshot.
            await Task.WhenAll(_connections.Values.Select(c => c.CloseAsync(CloseReason.ServerStopped))).ConfigureAwait(false);
            Inbox.Complete();
            Interlocked.Exchange(ref _stoppedAtTicks, DateTime.UtcNow.Ticks);
            Volatile.Write(ref _state, (int)ServerState.Stopped);
        }

        private async Task AcceptLoopAsync()
        {
            var pause = MinimumAcceptPause;
            while (State == ServerState.Listening)
            {
                Socket client;
                try
                {
                    client = await _options.Accept(_listener).ConfigureAwait(false);
                    pause = MinimumAcceptPause;
                }
                catch (Exception e) when (State != ServerState.Listening && (e is SocketException || e is ObjectDisposedException))
                {
                    return;
                }
                catch (Exception e) when (!(e is OutOfMemoryException))
                {
                    // A client that gave up before we accepted it, or a resource shortage (no file descriptors): keep
                    // serving the others. Counted and reported, and retried after a pause that doubles while the
                    // failures go on, so a lasting one neither spins a core nor floods the inbox.
                    Interlocked.Increment(ref _acceptFailures);
                    Volatile.Write(ref _lastAcceptFailure, e.Message);
                    Inbox.AddEvent(new ConnectionEvent(LocalEndPoint, $"accepting a client failed: {e.Message}", ConnectionEventKind.AcceptFailed));
                    await Task.Delay(pause).ConfigureAwait(false);
                    pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaximumAcceptPause.Ticks));
                    continue;
                }

                if (State != ServerState.Listening)
                {
                    client.Dispose();
                    return;
                }

                Accept(client);
            }
        }

        private void Accept(Socket client)
        {
            if (_options.MaxConnections is int max && _connections.Count >= max)
            {
                Interlocked.Increment(ref _connectionsRejected);
                try
                {
                    Inbox.AddEvent(new ConnectionEvent(
                        Endpoints.Normalize((IPEndPoint)client.RemoteEndPoint),
                        $"the server already serves {max} client(s), its maximum",
                        ConnectionEventKind.Rejected));
                }
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
                {
                    // Gone before we could read its address: turned away all the same.
                }

                client.Dispose();
                return;
            }

            SocketConnection connection;
            try
            {
                connection = new SocketConnection(client, ConnectionDirection.Inbound, _codec, _options, Inbox, this, _framedAcknowledgement);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is System.IO.IOException)
            {
                // Reset before we could read its endpoints or wrap it in a stream: it never became a connection.
                client.Dispose();
                return;
            }

            _connections[connection.Id] = connection;
            Interlocked.Increment(ref _connectionsAccepted);
            Inbox.AddEvent(new ConnectionEvent(ConnectionEventKind.Connected, connection));
            connection.Start();
        }
    }
}
