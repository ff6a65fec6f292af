using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat
{
    public sealed partial class SocketConnection
    {
        // One frame at a time on the wire: sends from any thread, and acknowledgements, never interleave.
        private readonly SemaphoreSlim _writeLock = new SemaphoreSlim(1, 1);
        private long _writes;

        /// <summary>Writes to the socket so far: fewer than messages sent when acknowledgements were batched.</summary>
        internal long Writes => Interlocked.Read(ref _writes);

        /// <summary>Sends text as one message; see <see cref="SendAsync(string, CancellationToken)"/>.</summary>
        public void Send(string text, CancellationToken cancellationToken = default) =>
            SendAsync(text, cancellationToken).GetAwaiter().GetResult();

        /// <summary>Sends bytes as one message; see <see cref="SendAsync(byte[], CancellationToken)"/>.</summary>
        public void Send(byte[] payload, CancellationToken cancellationToken = default) =>
            SendAsync(payload, cancellationToken).GetAwaiter().GetResult();

        /// <summary>
        /// Sends text as one message in this connection's framing and encoding. Thread-safe; messages from one
        /// caller go out in the order sent. A message the framing cannot carry is refused before anything is sent.
        /// Cancelling a send that is already on the wire resets the connection: half a frame cannot be taken back.
        /// </summary>
        /// <exception cref="SocketChatException">The message is invalid or too large, or the connection is closed.</exception>
        public Task SendAsync(string text, CancellationToken cancellationToken = default)
        {
            ThrowIfNotOpen();
            var frame = _codec.FrameText(text, this);
            return WriteAsync(frame, frame.Length, messages: 1, cancellationToken);
        }

        /// <inheritdoc cref="SendAsync(string, CancellationToken)"/>
        public Task SendAsync(byte[] payload, CancellationToken cancellationToken = default)
        {
            ThrowIfNotOpen();
            var frame = _codec.FrameBytes(payload, this);
            return WriteAsync(frame, frame.Length, messages: 1, cancellationToken);
        }

        private void ThrowIfNotOpen()
        {
            if (State != ConnectionState.Open)
            {
                throw ClosedError();
            }
        }

        private async Task WriteAsync(byte[] buffer, int count, int messages, CancellationToken cancellationToken)
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (State != ConnectionState.Open)
                {
                    throw ClosedError();
                }

                using (cancellationToken.Register(state => ((SocketConnection)state!).Abort(), this))
                {
                    await _stream.WriteAsync(buffer, 0, count).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw ClosedError(e);
            }
            finally
            {
                _writeLock.Release();
            }

            Interlocked.Increment(ref _writes);
            Interlocked.Add(ref _bytesSent, count);
            Interlocked.Add(ref _messagesSent, messages);
        }
    }
}
