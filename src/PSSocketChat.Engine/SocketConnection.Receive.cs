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
            try
            {
                while (true)
                {
                    var read = await _stream.ReadAsync(buffer, 0, buffer.Length, _abort.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    Interlocked.Add(ref _bytesReceived, read);
                    var violation = decoder.Decode(buffer, 0, read, frames);
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

        private async Task DeliverAsync(List<byte[]> frames)
        {
            var receivedAt = DateTime.UtcNow;
            var pendingAcknowledgements = 0;
            var delivered = 0;
            foreach (var payload in frames)
            {
                var message = new SocketMessage(this, Interlocked.Increment(ref _messagesReceived), payload, receivedAt, _codec);
                if (State != ConnectionState.Open)
                {
                    // Closing locally: keep what fits for the consumer, but neither wait for room nor acknowledge.
                    delivered += Inbox.TryAdd(message) ? 1 : 0;
                    continue;
                }

                if (!Inbox.TryAdd(message))
                {
                    // The consumer is behind. Acknowledge what it has, then stop reading until it makes room.
                    await SendAcknowledgementsAsync(pendingAcknowledgements).ConfigureAwait(false);
                    pendingAcknowledgements = 0;
                    try
                    {
                        await Inbox.AddAsync(message, _stopDelivery.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (_stopDelivery.IsCancellationRequested)
                    {
                        continue;
                    }
                }

                delivered++;
                pendingAcknowledgements++;
            }

            frames.Clear();
            _server?.CountMessages(delivered);
            await SendAcknowledgementsAsync(pendingAcknowledgements).ConfigureAwait(false);
        }

        private async Task SendAcknowledgementsAsync(int count)
        {
            var acknowledgement = _framedAcknowledgement;
            if (acknowledgement is null || count == 0 || State != ConnectionState.Open)
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
                await WriteAsync(_acknowledgementBatch, length, count, CancellationToken.None).ConfigureAwait(false);
            }
            catch (SocketChatException) when (State != ConnectionState.Open)
            {
                // A local close began meanwhile: our FIN is out, acknowledgements no longer can be.
            }
        }
    }
}
