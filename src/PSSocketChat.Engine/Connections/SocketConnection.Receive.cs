using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using PSSocketChat.Framing;

namespace PSSocketChat
{
    public sealed partial class SocketConnection
    {
        private readonly byte[]? _framedAcknowledgement;

        // Acknowledgements for one read go out as one send; the buffer is kept for the next read.
        private byte[] _acknowledgementBatch = Array.Empty<byte>();

        private async Task ReceiveLoopAsync()
        {
            var buffer = new byte[_readSize];
            var frames = new List<byte[]>();
            var decoder = _codec.CreateDecoder();
            var reason = CloseReason.PeerClosed;
            string? detail = null;
            var watchLines = _unterminatedLineNotice.HasValue && _codec.Framing == MessageFraming.Line;
            try
            {
                while (true)
                {
                    var read = await _stream.ReadAsync(buffer, 0, buffer.Length, _abort.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        // The peer is done: a last line without its line feed is still a message; part of any other
                        // message is lost, and the close says so.
                        var remainder = decoder.TakeRemainder(out detail);
                        Volatile.Write(ref _partialMessageBytes, 0);
                        if (remainder != null)
                        {
                            await DeliverAsync(frames, remainder).ConfigureAwait(false);
                        }

                        break;
                    }

                    Interlocked.Add(ref _bytesReceived, read);
                    var violation = decoder.Decode(buffer, 0, read, frames);
                    Volatile.Write(ref _partialMessageBytes, decoder.PendingLength);
                    if (watchLines && decoder.PendingLength > 0)
                    {
                        WatchUnterminatedLine();
                    }
                    if (frames.Count > 0)
                    {
                        await DeliverAsync(frames).ConfigureAwait(false);
                    }

                    if (violation != null)
                    {
                        reason = CloseReason.ProtocolError;
                        detail = violation;
                        break;
                    }
                }
            }
            catch (Exception) when (_abort.IsCancellationRequested)
            {
                // A local close gave up waiting; the reason it recorded stands.
                reason = CloseReason.LocalClose;
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is SocketChatException)
            {
                reason = CloseReason.Reset;
                detail = (e.InnerException ?? e).Message;
            }
            catch (Exception e)
            {
                // Whatever went wrong, the connection must still end in order and wake its waiters.
                reason = CloseReason.Reset;
                detail = $"internal error: {e.GetType().Name}: {e.Message}";
            }

            await FinishAsync(reason, detail).ConfigureAwait(false);
        }

        /// <summary>Queues the messages of one read (and, at end of stream, an unterminated last line), then acknowledges them.</summary>
        private async Task DeliverAsync(List<byte[]> frames, byte[]? unterminated = null)
        {
            if (unterminated != null)
            {
                frames.Add(unterminated);
            }

            // Messages become visible to the consumer, and are acknowledged, under the write lock: a close the consumer
            // starts meanwhile sends its FIN only after their acknowledgements, so none delivered goes unacknowledged.
            var acknowledging = _framedAcknowledgement != null && State == ConnectionState.Open;
            var locked = acknowledging && await LockWritesAsync().ConfigureAwait(false);
            try
            {
                var receivedAt = DateTime.UtcNow;
                var owed = 0;
                var delivered = 0;
                for (var i = 0; i < frames.Count; i++)
                {
                    var isUnterminated = unterminated != null && i == frames.Count - 1;
                    var message = new SocketMessage(this, Interlocked.Increment(ref _messagesReceived), frames[i], receivedAt, _codec, isUnterminated);
                    var closing = State != ConnectionState.Open;
                    if (closing && _framedAcknowledgement != null)
                    {
                        // A close this side asked for has begun, and what arrives now could not be acknowledged: it is
                        // neither delivered nor acknowledged (a peer may send again what was not), only counted, and
                        // the close says so. Without acknowledgements (a client's half-close), it is delivered if it fits.
                        Interlocked.Increment(ref _messagesDiscarded);
                        continue;
                    }

                    if (Inbox.TryAdd(Source, message))
                    {
                        delivered++;
                        owed += locked ? 1 : 0;
                        continue;
                    }

                    if (closing)
                    {
                        // No waiting for room once a close has begun.
                        Interlocked.Increment(ref _messagesDiscarded);
                        continue;
                    }

                    // The consumer is behind on this connection. Acknowledge and count what it has, let other writers go,
                    // and stop reading this socket (no other) until it has taken the queue down to half.
                    _server?.CountMessages(delivered);
                    delivered = 0;
                    if (locked)
                    {
                        await WriteAcknowledgementsAsync(owed).ConfigureAwait(false);
                        owed = 0;
                        _writeLock.Release();
                        locked = false;
                    }

                    try
                    {
                        await Inbox.AddAsync(Source, message, _stopDelivery.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (_stopDelivery.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref _messagesDiscarded);
                        continue;
                    }

                    delivered++;
                    if (acknowledging)
                    {
                        locked = await LockWritesAsync().ConfigureAwait(false);
                        owed = locked ? 1 : 0;
                    }
                }

                frames.Clear();
                _server?.CountMessages(delivered);
                if (locked)
                {
                    await WriteAcknowledgementsAsync(owed).ConfigureAwait(false);
                }
            }
            finally
            {
                if (locked)
                {
                    _writeLock.Release();
                }
            }
        }

        private async Task<bool> LockWritesAsync()
        {
            await _writeLock.WaitAsync().ConfigureAwait(false);
            return true;
        }

        /// <summary>With the write lock held: one write for <paramref name="count"/> acknowledgements, unless our FIN is out.</summary>
        private async Task WriteAcknowledgementsAsync(int count)
        {
            var acknowledgement = _framedAcknowledgement!;
            if (count == 0 || _sendShutdown)
            {
                return;
            }

            var length = acknowledgement.Length * count;
            if (_acknowledgementBatch.Length < length)
            {
                _acknowledgementBatch = new byte[Math.Max(length, _acknowledgementBatch.Length * 2)];
                for (var i = 0; i < _acknowledgementBatch.Length / acknowledgement.Length; i++)
                {
                    Buffer.BlockCopy(acknowledgement, 0, _acknowledgementBatch, i * acknowledgement.Length, acknowledgement.Length);
                }
            }

            try
            {
                await WriteLockedAsync(_acknowledgementBatch, length, count, CancellationToken.None).ConfigureAwait(false);
            }
            catch (SocketChatException) when (State != ConnectionState.Open)
            {
                // The connection is ending (reset, or aborted by a close that gave up): acknowledgements no longer can go.
            }
        }
    }
}
