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

        // True while the receive loop holds a read buffer: between a zero-byte read's wake-up and the socket running dry.
        private bool _holdsReadBuffer;

        /// <summary>For tests: an idle connection holds no read buffer.</summary>
        internal bool HoldsReadBuffer => Volatile.Read(ref _holdsReadBuffer);

        // The messages of one read, on their way to the inbox; kept for the next read.
        private readonly List<SocketMessage> _batch = new List<SocketMessage>();

        private async Task ReceiveLoopAsync()
        {
            byte[]? buffer = null;
            var drained = true;
            var frames = new List<byte[]>();
            var decoder = _codec.CreateDecoder();
            var reason = CloseReason.PeerClosed;
            string? detail = null;
            var watchLines = _unterminatedLineNotice.HasValue && _codec.Framing == MessageFraming.Line;
            try
            {
                while (true)
                {
                    if (drained)
                    {
                        // The socket had no more to give: wait for data without holding a buffer, so an idle
                        // connection pins none (a zero-byte read completes when data arrives, as Kestrel waits).
                        if (buffer != null)
                        {
                            Volatile.Write(ref _holdsReadBuffer, false);
                            ReadBuffers.Return(buffer);
                            buffer = null;
                        }

                        await _stream.ReadAsync(Array.Empty<byte>(), 0, 0, _abort.Token).ConfigureAwait(false);
                    }

                    if (buffer is null)
                    {
                        buffer = ReadBuffers.Rent(_readSize);
                        Volatile.Write(ref _holdsReadBuffer, true);
                    }

                    var read = await _stream.ReadAsync(buffer, 0, _readSize, _abort.Token).ConfigureAwait(false);

                    // A full buffer means more is probably waiting: read again at once, with the same buffer.
                    drained = read < _readSize;
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

            if (buffer != null)
            {
                Volatile.Write(ref _holdsReadBuffer, false);
                ReadBuffers.Return(buffer);
            }

            await FinishAsync(reason, detail).ConfigureAwait(false);
        }

        /// <summary>
        /// Queues the messages of one read (and, at end of stream, an unterminated last line), acknowledges them, then
        /// wakes the consumer: one lock of the inbox, one write and one wake-up per read, not per message.
        /// </summary>
        private async Task DeliverAsync(List<byte[]> frames, byte[]? unterminated = null)
        {
            if (unterminated != null)
            {
                frames.Add(unterminated);
            }

            var receivedAt = DateTime.UtcNow;
            var first = Interlocked.Add(ref _messagesReceived, frames.Count) - frames.Count + 1;
            for (var i = 0; i < frames.Count; i++)
            {
                var isUnterminated = unterminated != null && i == frames.Count - 1;
                _batch.Add(new SocketMessage(this, first + i, frames[i], receivedAt, _codec, isUnterminated));
            }

            frames.Clear();

            // Messages become visible to the consumer, and are acknowledged, under the write lock: a close the consumer
            // starts meanwhile sends its FIN only after their acknowledgements, so none delivered goes unacknowledged.
            var acknowledging = _framedAcknowledgement != null && State == ConnectionState.Open;
            var locked = acknowledging && await LockWritesAsync().ConfigureAwait(false);
            var next = 0;
            try
            {
                while (next < _batch.Count)
                {
                    var closing = State != ConnectionState.Open;
                    if (closing && _framedAcknowledgement != null)
                    {
                        // A close this side asked for has begun, and what arrives now could not be acknowledged: it is
                        // neither delivered nor acknowledged (a peer may send again what was not), only counted, and
                        // the close says so. Without acknowledgements (a client's half-close), it is delivered if it fits.
                        break;
                    }

                    var added = Inbox.TryAddRange(Source, _batch, next);
                    if (added > 0)
                    {
                        next += added;
                        _server?.CountMessages(added);
                        try
                        {
                            if (locked)
                            {
                                // A peer slow to read its acknowledgements must not hold back delivery: when the write
                                // cannot finish at once, the consumer is woken before it does.
                                var writing = WriteAcknowledgementsAsync(added);
                                if (!writing.IsCompleted)
                                {
                                    Inbox.Wake();
                                }

                                await writing.ConfigureAwait(false);
                            }
                        }
                        finally
                        {
                            Inbox.Wake();
                        }

                        continue;
                    }

                    if (closing)
                    {
                        // No waiting for room once a close has begun.
                        break;
                    }

                    // The consumer is behind on this connection: let other writers go, and stop reading this socket (no
                    // other) until it has taken the queue down to half.
                    if (locked)
                    {
                        _writeLock.Release();
                        locked = false;
                    }

                    try
                    {
                        await Inbox.WaitForRoomAsync(Source, _stopDelivery.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (_stopDelivery.IsCancellationRequested)
                    {
                        break;
                    }

                    locked = acknowledging && await LockWritesAsync().ConfigureAwait(false);
                }

            }
            finally
            {
                // Numbered but not delivered, whatever stopped the delivery (a close, or a write that failed): so
                // MessagesReceived less MessagesDiscarded is always what reached the inbox.
                if (next < _batch.Count)
                {
                    Interlocked.Add(ref _messagesDiscarded, _batch.Count - next);
                }

                _batch.Clear();
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
