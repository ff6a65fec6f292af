using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace PSSocketChat
{
    /// <summary>
    /// Reads an inbox by the rules of a <see cref="ReceiveRequest"/>, lazily and entirely on the thread that enumerates
    /// it: this is how a cmdlet gets messages (to write) and connection events (to report) on its pipeline thread.
    /// </summary>
    public sealed class InboxReader
    {
        private readonly MessageInbox _inbox;
        private readonly ReceiveRequest _request;

        public InboxReader(MessageInbox inbox, ReceiveRequest request)
        {
            _inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
            _request = request ?? throw new ArgumentNullException(nameof(request));
            request.Validate();
        }

        public ReceiveOutcome Outcome { get; private set; }

        /// <summary>Messages read so far (events not counted).</summary>
        public int MessageCount { get; private set; }

        /// <summary>
        /// True when the receive ended before it got what was asked: fewer than <see cref="ReceiveRequest.Count"/>
        /// messages because the timeout passed or the source closed, or no message at all within a plain timeout.
        /// A streaming wait that simply ran its time, or saw its source close, is not short.
        /// </summary>
        public bool EndedShort => _request.Count is int count
            ? MessageCount < count && (Outcome == ReceiveOutcome.TimedOut || Outcome == ReceiveOutcome.SourceClosed)
            : Outcome == ReceiveOutcome.TimedOut && !_request.Wait && MessageCount == 0;

        /// <summary>The error to report when the receive <see cref="EndedShort"/>; null otherwise.</summary>
        public SocketChatException? Shortfall
        {
            get
            {
                if (!EndedShort)
                {
                    return null;
                }

                var target = (object?)_request.From ?? _inbox;
                if (Outcome == ReceiveOutcome.SourceClosed)
                {
                    return new SocketChatException(
                        SocketErrorKind.ConnectionClosed,
                        $"Received {MessageCount} of {_request.Count} message(s); then the {(_request.From is null ? "server stopped" : "connection closed")}.",
                        target);
                }

                return new SocketChatException(
                    SocketErrorKind.ReceiveTimeout,
                    (_request.Count is int count
                        ? $"Received {MessageCount} of {count} message(s) within {_request.Timeout}."
                        : $"No message arrived within {_request.Timeout}.") + _request.From?.UnterminatedLineHint(),
                    target);
            }
        }

        /// <summary>Yields messages and connection events until the request is satisfied. Throws OperationCanceledException on cancellation.</summary>
        public IEnumerable<IInboxItem> Read(CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            Outcome = ReceiveOutcome.Reading;
            while (_request.Count is not int count || MessageCount < count)
            {
                // What is waiting is taken at once, with one lock; the rules of the wait (and their locks) are worked
                // out only when nothing is.
                if (!_inbox.TryTake(out var item, _request.From, TimeSpan.Zero, cancellationToken))
                {
                    var wait = WaitFor(clock);
                    if (!_inbox.TryTake(out item, _request.From, wait, cancellationToken))
                    {
                        Outcome = SourceClosed() ? ReceiveOutcome.SourceClosed
                            : wait != TimeSpan.Zero ? ReceiveOutcome.TimedOut
                            : ReceiveOutcome.QueueDrained;
                        yield break;
                    }
                }

                if (item is SocketMessage)
                {
                    MessageCount++;
                }

                yield return item;

                if (item is ConnectionEvent { Kind: ConnectionEventKind.Disconnected } disconnected)
                {
                    if (_request.UntilFirstDisconnect)
                    {
                        Outcome = ReceiveOutcome.FirstDisconnect;
                        yield break;
                    }

                    if (ReferenceEquals(disconnected.Connection, _request.From))
                    {
                        Outcome = ReceiveOutcome.SourceClosed;
                        yield break;
                    }
                }
            }

            Outcome = ReceiveOutcome.CountReached;
        }

        private TimeSpan WaitFor(Stopwatch clock)
        {
            var waiting = _request.Wait
                || _request.Count.HasValue
                || (_request.Timeout.HasValue && MessageCount == 0);
            if (!waiting || SourceClosed())
            {
                return TimeSpan.Zero;
            }

            if (_request.Timeout is not TimeSpan timeout)
            {
                return Timeout.InfiniteTimeSpan;
            }

            var left = timeout - clock.Elapsed;
            return left > TimeSpan.Zero ? left : TimeSpan.FromTicks(1);
        }

        private bool SourceClosed() => _inbox.IsCompleted || _request.From?.State == ConnectionState.Closed && !HasItemsFrom(_request.From);

        private bool HasItemsFrom(SocketConnection from) => _inbox.Contains(from);
    }
}
