using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat
{
    /// <summary>
    /// The close protocol, whole: how a connection ends in order (a close this side asks for, the peer's FIN, a broken
    /// rule, a reset), the one place it ends (<see cref="FinishAsync"/>), and the fields only this protocol touches.
    /// </summary>
    public sealed partial class SocketConnection
    {
        private readonly TimeSpan _closeTimeout;

        // Ends everything at once: pending reads and writes fail and the socket is released.
        private readonly CancellationTokenSource _abort = new CancellationTokenSource();

        // Set when a local close begins: the receive loop stops waiting for inbox room and keeps reading only to see the FIN.
        private readonly CancellationTokenSource _stopDelivery = new CancellationTokenSource();
        private readonly TaskCompletionSource<bool> _finished = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        // Guards the move out of Open, so the reason is always recorded before anyone can see the new state.
        private readonly object _stateGate = new object();
        private CloseReason _closeReason;
        private string? _closeDetail;
        private long _closedAtTicks;

        // Set under the write lock when our FIN goes out; nothing may be written after it.
        private bool _sendShutdown;

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
            $"Connection {Id} to {RemoteEndPoint} is {(State == ConnectionState.Closed ? "closed" : "closing")}: {CloseReason.Describe(CloseDetail)}.",
            this,
            cause);
    }
}
