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
        public SentMessage Send(string text, CancellationToken cancellationToken = default)
        {
            ThrowIfNotOpen();
            var frame = _codec.FrameText(text, this);
            WriteAsync(frame, frame.Length, messages: 1, cancellationToken).GetAwaiter().GetResult();
            return new SentMessage(this, text, frame.Length - _codec.Framer.Overhead, DateTime.UtcNow);
        }

        /// <summary>
        /// One turn of a chat, as the seed client did it: send a line, wait up to <paramref name="replyTimeout"/> for
        /// the first reply, and take whatever else the peer has sent by then. Empty when nothing came back in time
        /// or the connection closed (see <see cref="State"/>).
        /// </summary>
        public IReadOnlyList<SocketMessage> Exchange(string text, TimeSpan replyTimeout, CancellationToken cancellationToken = default)
        {
            Send(text, cancellationToken);
            var replies = new List<SocketMessage>();
            var reader = new InboxReader(Inbox, new ReceiveRequest { From = this, Timeout = replyTimeout });
            foreach (var item in reader.Read(cancellationToken))
            {
                if (item is SocketMessage reply)
                {
                    replies.Add(reply);
                }
            }

            return replies;
        }

        /// <summary>
        /// Waits on the calling thread for the next message from this connection's peer (a reply), up to
        /// <paramref name="timeout"/>. Connection events met on the way are passed over.
        /// </summary>
        /// <exception cref="SocketChatException">No reply came in time, or the connection closed first.</exception>
        public SocketMessage WaitForReply(TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            var reader = new InboxReader(Inbox, new ReceiveRequest { From = this, Count = 1, Timeout = timeout });
            foreach (var item in reader.Read(cancellationToken))
            {
                if (item is SocketMessage reply)
                {
                    return reply;
                }
            }

            if (reader.Outcome == ReceiveOutcome.SourceClosed)
            {
                throw ClosedError();
            }

            throw new SocketChatException(
                SocketErrorKind.ReplyTimeout,
                $"No reply from {RemoteEndPoint} on connection {Id} within {timeout}.",
                this);
        }

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
