using System;
using System.Collections.Generic;
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

        /// <summary>Sends text as one message and says what went out; see <see cref="SendAsync(string, CancellationToken)"/>.</summary>
        public SentMessage Send(string text, CancellationToken cancellationToken = default) =>
            SendAsync(text, cancellationToken).GetAwaiter().GetResult();

        /// <summary>Sends bytes as one message and says what went out; see <see cref="SendAsync(byte[], CancellationToken)"/>.</summary>
        public SentMessage Send(byte[] payload, CancellationToken cancellationToken = default) =>
            SendAsync(payload, cancellationToken).GetAwaiter().GetResult();

        /// <summary>
        /// Sends text as one message in this connection's framing and encoding. Thread-safe; messages from one
        /// caller go out in the order sent. A message the framing cannot carry is refused before anything is sent.
        /// Cancelling a send that is already on the wire resets the connection: half a frame cannot be taken back.
        /// </summary>
        /// <exception cref="SocketChatException">The message is invalid or too large, or the connection is closed.</exception>
        public Task<SentMessage> SendAsync(string text, CancellationToken cancellationToken = default)
        {
            ThrowIfNotOpen();
            var frame = _codec.FrameText(text, this);
            return SendFrameAsync(frame, text, cancellationToken);
        }

        /// <summary>
        /// Sends bytes as one message, exactly as given, in this connection's framing: binary data in Raw or
        /// LengthPrefixed framing, or bytes without a line break in Line framing. Otherwise as <see cref="SendAsync(string, CancellationToken)"/>.
        /// </summary>
        public Task<SentMessage> SendAsync(byte[] payload, CancellationToken cancellationToken = default)
        {
            ThrowIfNotOpen();
            var frame = _codec.FrameBytes(payload, this);
            return SendFrameAsync(frame, text: null, cancellationToken);
        }

        private async Task<SentMessage> SendFrameAsync(byte[] frame, string? text, CancellationToken cancellationToken)
        {
            await WriteAsync(frame, frame.Length, messages: 1, cancellationToken).ConfigureAwait(false);
            return new SentMessage(this, frame, _codec.Framer.PayloadOffset, frame.Length - _codec.Framer.Overhead, _codec, text);
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

                await WriteLockedAsync(buffer, count, messages, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
        }

        /// <summary>The one place bytes reach the socket; the caller holds the write lock.</summary>
        private async Task WriteLockedAsync(byte[] buffer, int count, int messages, CancellationToken cancellationToken)
        {
            try
            {
                using (cancellationToken.Register(state => ((SocketConnection)state!).ResetForCancelledSend(), this))
                {
                    await _stream.WriteAsync(buffer, 0, count).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw ClosedError(e);
            }

            Interlocked.Increment(ref _writes);
            Interlocked.Add(ref _bytesSent, count);
            Interlocked.Add(ref _messagesSent, messages);
        }
    }
}
