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
    /// Each connection has its own queue here (an <see cref="InboxSource"/>), bounded in messages and in bytes: when
    /// it is full, that connection's receive loop waits asynchronously, which stops its socket reads and lets TCP flow
    /// control slow that sender, and only that one. It reads again once the consumer has taken the queue down to half
    /// of both bounds. Taking from one connection takes from its queue alone, so it never waits behind another client;
    /// taking from the whole inbox (a server's) serves the queues that have something in turn, one item each, so a
    /// flooding client cannot starve a quiet one. Within a connection, order is kept: its arrival, its messages, its
    /// departure. Nothing is dropped and memory does not grow.
    /// Connection events have a bound of their own; past it new events are counted in <see cref="DroppedEvents"/>
    /// rather than queued, because they are notices while messages are data.
    /// </remarks>
    public sealed class MessageInbox
    {
        public const int DefaultEventCapacity = 1024;

        private readonly object _gate = new object();

        // Sources with something to take, in turn; a source leaves it when its last item is taken, however it was taken.
        private readonly LinkedList<InboxSource> _ready = new LinkedList<InboxSource>();

        // The server's own notices: clients turned away, accepts that failed, and events of connections from elsewhere.
        private readonly InboxSource _notices;
        private int _messageCount;
        private long _byteCount;
        private int _eventCount;
        private int _peakMessageCount;

        // Consumers blocked in TryTake, counted under the lock: a producer with nobody to wake skips the lock.
        private int _waiters;

        // Set when waiters have been pulsed and not yet run: more pulses before they do would only cost the lock.
        private bool _woken;
        private long _droppedEvents;
        private bool _completed;

        internal MessageInbox(int capacity, long byteCapacity = ConnectionOptions.DefaultInboxByteCapacity, int eventCapacity = DefaultEventCapacity)
        {
            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Capacity must be greater than zero.");
            }

            if (byteCapacity <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(byteCapacity), byteCapacity, "Byte capacity must be greater than zero.");
            }

            if (eventCapacity <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(eventCapacity), eventCapacity, "Event capacity must be greater than zero.");
            }

            Capacity = capacity;
            ByteCapacity = byteCapacity;
            EventCapacity = eventCapacity;
            _notices = new InboxSource(this);
        }

        /// <summary>Messages one connection may have waiting before its reads pause.</summary>
        public int Capacity { get; }

        /// <summary>Payload bytes one connection may have waiting before its reads pause (one larger message goes through alone).</summary>
        public long ByteCapacity { get; }

        public int EventCapacity { get; }

        /// <summary>Messages waiting to be taken, from every connection.</summary>
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

        /// <summary>Payload bytes of the messages waiting, from every connection.</summary>
        public long ByteCount
        {
            get
            {
                lock (_gate)
                {
                    return _byteCount;
                }
            }
        }

        /// <summary>The most messages ever waiting at once, from every connection; each connection's share stays within <see cref="Capacity"/>.</summary>
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
                    return _completed && _messageCount + _eventCount == 0;
                }
            }
        }

        /// <summary>True when an item of <paramref name="connection"/> is waiting.</summary>
        public bool Contains(SocketConnection connection)
        {
            var source = SourceOf(connection);
            lock (_gate)
            {
                return source != null && source.Items.Count > 0;
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
        /// <paramref name="from"/> (every connection's, in turn, when null). A connection's items are in a queue of
        /// their own, so this never waits behind another connection's.
        /// </summary>
        public bool TryTake([NotNullWhen(true)] out IInboxItem? item, SocketConnection? from, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "Timeout must be zero or more, or infinite.");
            }

            cancellationToken.ThrowIfCancellationRequested();

            // A connection of another inbox has nothing here: the take waits its time, as for a quiet connection.
            var source = from is null ? null : SourceOf(from) ?? new InboxSource(this);
            lock (_gate)
            {
                if (TryDequeueLocked(source, out item) || timeout == TimeSpan.Zero)
                {
                    return item != null;
                }
            }

            // The registration wakes the wait below; it takes the lock, so it is created and disposed outside it.
            using (cancellationToken.Register(state => ((MessageInbox)state!).WakeAll(), this))
            {
                var started = Stopwatch.GetTimestamp();
                lock (_gate)
                {
                    while (!TryDequeueLocked(source, out item))
                    {
                        if (_completed)
                        {
                            item = null;
                            return false;
                        }

                        cancellationToken.ThrowIfCancellationRequested();
                        var remaining = RemainingMilliseconds(timeout, started);
                        if (remaining == 0)
                        {
                            item = null;
                            return false;
                        }

                        _waiters++;
                        try
                        {
                            Monitor.Wait(_gate, remaining);
                        }
                        finally
                        {
                            _waiters--;
                            _woken = false;
                        }
                    }
                }
            }

            return true;
        }

        /// <summary>A queue of its own, in this inbox, for a connection about to start.</summary>
        internal InboxSource OpenSource() => new InboxSource(this);

        /// <summary>
        /// Adds <paramref name="messages"/> from <paramref name="start"/> on, as many as there is room for, under one
        /// lock; when the queue fills first, marks it paused. Returns how many were added. Waiting consumers are not
        /// woken: the receive loop calls <see cref="Wake"/> once it has written their acknowledgements, so a consumer
        /// woken on the same core never delays them.
        /// </summary>
        internal int TryAddRange(InboxSource source, List<SocketMessage> messages, int start)
        {
            lock (_gate)
            {
                var added = 0;
                long bytes = 0;
                for (var i = start; i < messages.Count; i++)
                {
                    var message = messages[i];
                    if (!HasRoomLocked(source, added, bytes, message.Length))
                    {
                        source.Resume ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                        break;
                    }

                    source.Items.Enqueue(message);
                    added++;
                    bytes += message.Length;
                }

                if (added > 0)
                {
                    Volatile.Write(ref source.Messages, source.Messages + added);
                    Volatile.Write(ref source.Bytes, source.Bytes + bytes);
                    _messageCount += added;
                    _byteCount += bytes;
                    if (_messageCount > _peakMessageCount)
                    {
                        _peakMessageCount = _messageCount;
                    }

                    Schedule(source);
                }

                return added;
            }
        }

        /// <summary>Wakes consumers waiting for items; cheap when none waits.</summary>
        internal void Wake()
        {
            if (Volatile.Read(ref _waiters) == 0 || Volatile.Read(ref _woken))
            {
                return;
            }

            OnWakeForTests?.Invoke();
            lock (_gate)
            {
                // Looked at again under the lock: the waiter seen above may have woken and gone meanwhile, and a flag
                // set with nobody to clear it would silence every later wake-up.
                if (_waiters == 0)
                {
                    return;
                }

                _woken = true;
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>For tests: the sources in the ready list, which must be those with items and no others.</summary>
        internal int ReadyCountForTests
        {
            get
            {
                lock (_gate)
                {
                    return _ready.Count;
                }
            }
        }

        /// <summary>For tests: consumers blocked in a take now.</summary>
        internal int WaiterCountForTests
        {
            get
            {
                lock (_gate)
                {
                    return _waiters;
                }
            }
        }

        /// <summary>A test's way into the moment between Wake's look without the lock and its taking of it.</summary>
        internal Action? OnWakeForTests { get; set; }

        /// <summary>
        /// Waits asynchronously (no thread held) until the connection's queue, which a failed add marked paused, is
        /// down to the resume mark; at once when it is not paused.
        /// </summary>
        /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
        internal async Task WaitForRoomAsync(InboxSource source, CancellationToken cancellationToken)
        {
            Task resumed;
            lock (_gate)
            {
                resumed = source.Resume?.Task ?? Task.CompletedTask;
            }

            if (resumed.IsCompleted)
            {
                return;
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(resumed, cancelled.Task).ConfigureAwait(false) != resumed)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
        }

        /// <summary>Queues an event behind its connection's messages (or with the server's notices); dropped and counted past the bound.</summary>
        internal void AddEvent(ConnectionEvent connectionEvent)
        {
            // Notices about clients that never became connections (turned away, or failed to be accepted) may fill only
            // half the room, so a flood of them (a connect storm, a shortage of file descriptors) cannot crowd out the
            // connects and disconnects of real clients.
            var room = connectionEvent.Kind == ConnectionEventKind.Rejected || connectionEvent.Kind == ConnectionEventKind.AcceptFailed
                ? EventCapacity / 2
                : EventCapacity;
            var source = connectionEvent.Connection is { } connection ? SourceOf(connection) ?? _notices : _notices;
            lock (_gate)
            {
                if (_completed || _eventCount >= room)
                {
                    _droppedEvents++;
                    return;
                }

                _eventCount++;
                EnqueueLocked(source, connectionEvent);
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

        /// <summary>The connection's queue in this inbox; null for a connection of another inbox.</summary>
        private InboxSource? SourceOf(SocketConnection connection) =>
            ReferenceEquals(connection.Source.Inbox, this) ? connection.Source : null;

        private void EnqueueLocked(InboxSource source, IInboxItem item)
        {
            source.Items.Enqueue(item);
            Schedule(source);
            Monitor.PulseAll(_gate);
        }

        /// <summary>Puts a source that now has items in the ready list, unless it is there already.</summary>
        private void Schedule(InboxSource source)
        {
            if (source.Turn.List is null)
            {
                _ready.AddLast(source.Turn);
            }
        }

        /// <summary>
        /// Room for one more message of <paramref name="size"/> bytes, counting the <paramref name="adding"/> messages
        /// (<paramref name="addingBytes"/> bytes) this call adds: under both bounds, or an empty queue, so a message
        /// larger than the byte bound (but within the maximum message size) still goes through, alone.
        /// </summary>
        private bool HasRoomLocked(InboxSource source, int adding, long addingBytes, int size)
        {
            var messages = source.Messages + adding;
            return messages == 0 || (messages < Capacity && source.Bytes + addingBytes + size <= ByteCapacity);
        }

        /// <summary>From <paramref name="source"/>, or, when null, from the next source in turn.</summary>
        private bool TryDequeueLocked(InboxSource? source, [NotNullWhen(true)] out IInboxItem? item)
        {
            item = null;
            if (source != null)
            {
                if (source.Items.Count == 0)
                {
                    return false;
                }

                item = source.Items.Dequeue();
                if (source.Items.Count == 0 && source.Turn.List != null)
                {
                    _ready.Remove(source.Turn);
                }
            }
            else
            {
                if (_ready.First is not { } turn)
                {
                    return false;
                }

                source = turn.Value;
                _ready.RemoveFirst();
                item = source.Items.Dequeue();
                if (source.Items.Count > 0)
                {
                    // Its next item waits for its next turn, behind every other source with something to take.
                    _ready.AddLast(turn);
                }
            }

            if (item is SocketMessage message && source != null)
            {
                Volatile.Write(ref source.Messages, source.Messages - 1);
                Volatile.Write(ref source.Bytes, source.Bytes - message.Length);
                _messageCount--;
                _byteCount -= message.Length;
                if (source.Resume != null && source.AtResumeMark)
                {
                    // Runs the receive loop's continuation on the thread pool, not on this consumer's thread.
                    source.Resume.TrySetResult(true);
                    source.Resume = null;
                }
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

        private static int RemainingMilliseconds(TimeSpan timeout, long started)
        {
            if (timeout == Timeout.InfiniteTimeSpan)
            {
                return Timeout.Infinite;
            }

            var left = timeout - TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - started) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
            return left <= TimeSpan.Zero ? 0 : (int)Math.Min(int.MaxValue, Math.Ceiling(left.TotalMilliseconds));
        }
    }
}
