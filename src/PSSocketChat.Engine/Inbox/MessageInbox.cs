using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat
{
    /// <summary>
    /// The hand-off between socket I/O and the consumer. Receive loops add; a consumer takes, on its own thread,
    /// with a blocking call that honours a timeout and a CancellationToken. Nothing here ever calls out to the
    /// consumer: items leave only when the consumer pulls them, so they reach a PowerShell pipeline on its own thread.
    /// </summary>
    /// <remarks>
    /// Messages are bounded: when <see cref="Capacity"/> are waiting, producers wait asynchronously for room, which
    /// stops their socket reads and lets TCP flow control slow the sender. Nothing is dropped, memory does not grow.
    /// Connection events have a bound of their own; past it new events are counted in <see cref="DroppedEvents"/>
    /// rather than queued, because they are notices while messages are data.
    /// </remarks>
    public sealed class MessageInbox
    {
        public const int DefaultEventCapacity = 1024;

        private readonly object _gate = new object();
        private readonly Queue<IInboxItem> _items = new Queue<IInboxItem>();
        private readonly SemaphoreSlim _space;
        private int _messageCount;
        private int _eventCount;
        private int _peakMessageCount;
        private long _droppedEvents;
        private bool _completed;

        public MessageInbox(int capacity, int eventCapacity = DefaultEventCapacity)
        {
            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Capacity must be greater than zero.");
            }

            if (eventCapacity <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(eventCapacity), eventCapacity, "Event capacity must be greater than zero.");
            }

            Capacity = capacity;
            EventCapacity = eventCapacity;
            _space = new SemaphoreSlim(capacity, capacity);
        }

        public int Capacity { get; }

        public int EventCapacity { get; }

        /// <summary>Messages waiting to be taken.</summary>
        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _messageCount;
                }
            }
        }

        /// <summary>The most messages ever waiting at once; never above <see cref="Capacity"/>.</summary>
        public int PeakCount
        {
            get
            {
                lock (_gate)
                {
                    return _peakMessageCount;
                }
            }
        }

        public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

        /// <summary>True once no more items will come and every item has been taken.</summary>
        public bool IsCompleted
        {
            get
            {
                lock (_gate)
                {
                    return _completed && _items.Count == 0;
                }
            }
        }

        /// <summary>True when an item of <paramref name="connection"/> is waiting.</summary>
        public bool Contains(SocketConnection connection)
        {
            lock (_gate)
            {
                foreach (var item in _items)
                {
                    if (ReferenceEquals(item.Connection, connection))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>Takes the next item if one is waiting; never blocks.</summary>
        public bool TryTake([NotNullWhen(true)] out IInboxItem? item) => TryTake(out item, TimeSpan.Zero, CancellationToken.None);

        /// <summary>
        /// Takes the next item, waiting on the calling thread up to <paramref name="timeout"/>
        /// (<see cref="Timeout.InfiniteTimeSpan"/> to wait until an item comes or the inbox completes).
        /// Returns false on timeout, or when the inbox is completed and empty.
        /// </summary>
        /// <exception cref="OperationCanceledException">The token was cancelled while waiting.</exception>
        public bool TryTake([NotNullWhen(true)] out IInboxItem? item, TimeSpan timeout, CancellationToken cancellationToken) =>
            TryTake(out item, from: null, timeout, cancellationToken);

        /// <summary>
        /// As <see cref="TryTake(out IInboxItem?, TimeSpan, CancellationToken)"/>, but takes only items of the connection
        /// <paramref name="from"/> (all items when null), leaving the others in order for other consumers.
        /// </summary>
        public bool TryTake([NotNullWhen(true)] out IInboxItem? item, SocketConnection? from, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "Timeout must be zero or more, or infinite.");
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (TryDequeue(from, out item) || timeout == TimeSpan.Zero)
            {
                return item != null;
            }

            // The registration wakes the wait below; it takes the lock, so it is created and disposed outside it.
            using (cancellationToken.Register(state => ((MessageInbox)state!).WakeAll(), this))
            {
                var clock = Stopwatch.StartNew();
                lock (_gate)
                {
                    while (!TryDequeueLocked(from, out item))
                    {
                        if (_completed)
                        {
                            item = null;
                            return false;
                        }

                        cancellationToken.ThrowIfCancellationRequested();
                        var remaining = RemainingMilliseconds(timeout, clock);
                        if (remaining == 0)
                        {
                            item = null;
                            return false;
                        }

                        Monitor.Wait(_gate, remaining);
                    }
                }
            }

            if (item is SocketMessage)
            {
                _space.Release();
            }

            return true;
        }

        /// <summary>Adds a message if there is room now; false when the inbox is full.</summary>
        internal bool TryAdd(SocketMessage message)
        {
            if (!_space.Wait(0))
            {
                return false;
            }

            EnqueueMessage(message);
            return true;
        }

        /// <summary>Adds a message, waiting asynchronously (no thread held) until there is room.</summary>
        internal async Task AddAsync(SocketMessage message, CancellationToken cancellationToken)
        {
            await _space.WaitAsync(cancellationToken).ConfigureAwait(false);
            EnqueueMessage(message);
        }

        internal void AddEvent(ConnectionEvent connectionEvent)
        {
            // Notices about clients that never became connections (turned away, or failed to be accepted) may fill only
            // half the room, so a flood of them (a connect storm, a shortage of file descriptors) cannot crowd out the
            // connects and disconnects of real clients.
            var room = connectionEvent.Kind == ConnectionEventKind.Rejected || connectionEvent.Kind == ConnectionEventKind.AcceptFailed
                ? EventCapacity / 2
                : EventCapacity;
            lock (_gate)
            {
                if (_completed || _eventCount >= room)
                {
                    _droppedEvents++;
                    return;
                }

                _items.Enqueue(connectionEvent);
                _eventCount++;
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>No more items will come: waiting consumers wake, and take what is left before being told so.</summary>
        internal void Complete()
        {
            lock (_gate)
            {
                _completed = true;
                Monitor.PulseAll(_gate);
            }
        }

        private void EnqueueMessage(SocketMessage message)
        {
            lock (_gate)
            {
                _items.Enqueue(message);
                _messageCount++;
                if (_messageCount > _peakMessageCount)
                {
                    _peakMessageCount = _messageCount;
                }

                Monitor.PulseAll(_gate);
            }
        }

        private bool TryDequeue(SocketConnection? from, [NotNullWhen(true)] out IInboxItem? item)
        {
            lock (_gate)
            {
                TryDequeueLocked(from, out item);
            }

            if (item is SocketMessage)
            {
                _space.Release();
            }

            return item != null;
        }

        private bool TryDequeueLocked(SocketConnection? from, [NotNullWhen(true)] out IInboxItem? item)
        {
            item = null;
            if (_items.Count == 0)
            {
                return false;
            }

            if (from is null || ReferenceEquals(_items.Peek().Connection, from))
            {
                item = _items.Dequeue();
            }
            else
            {
                // Rare path (one client of a shared server inbox): one pass that keeps every other item in order.
                for (var remaining = _items.Count; remaining > 0; remaining--)
                {
                    var next = _items.Dequeue();
                    if (item is null && ReferenceEquals(next.Connection, from))
                    {
                        item = next;
                    }
                    else
                    {
                        _items.Enqueue(next);
                    }
                }

                if (item is null)
                {
                    return false;
                }
            }

            if (item is SocketMessage)
            {
                _messageCount--;
            }
            else
            {
                _eventCount--;
            }

            return true;
        }

        private void WakeAll()
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }

        private static int RemainingMilliseconds(TimeSpan timeout, Stopwatch clock)
        {
            if (timeout == Timeout.InfiniteTimeSpan)
            {
                return Timeout.Infinite;
            }

            var left = timeout - clock.Elapsed;
            return left <= TimeSpan.Zero ? 0 : (int)Math.Min(int.MaxValue, Math.Ceiling(left.TotalMilliseconds));
        }
    }
}
