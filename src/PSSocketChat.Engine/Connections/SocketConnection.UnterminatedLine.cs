using System;
using System.Diagnostics;
using System.Threading;

namespace PSSocketChat
{
    public sealed partial class SocketConnection
    {
        private const int NoticeIdle = 0;
        private const int NoticeArmed = 1;
        private const int NoticeGiven = 2;

        // The unterminated-line notice (see ConnectionOptions.UnterminatedLineNotice): one timer per connection, made
        // the first time a read ends mid-line and rearmed, never remade, so a read costs a timestamp and no allocation.
        private Timer? _noticeTimer;
        private int _noticeState;
        private long _lastPartialRead;

        /// <summary>Called by the receive loop after a read that left bytes waiting for their line feed.</summary>
        private void WatchUnterminatedLine()
        {
            Volatile.Write(ref _lastPartialRead, Stopwatch.GetTimestamp());
            if (Interlocked.CompareExchange(ref _noticeState, NoticeArmed, NoticeIdle) == NoticeIdle)
            {
                Arm(_unterminatedLineNotice!.Value);
            }
        }

        private void Arm(TimeSpan due)
        {
            lock (_stateGate)
            {
                if (Volatile.Read(ref _noticeState) == NoticeGiven || State != ConnectionState.Open)
                {
                    return;
                }

                _noticeTimer ??= new Timer(state => ((SocketConnection)state!).CheckUnterminatedLine(), this, Timeout.Infinite, Timeout.Infinite);
                _noticeTimer.Change(due, Timeout.InfiniteTimeSpan);
            }
        }

        /// <summary>On a timer thread: reports the bytes once they have waited the whole delay with nothing read since.</summary>
        private void CheckUnterminatedLine()
        {
            var delay = _unterminatedLineNotice!.Value;
            var partial = PartialMessageBytes;
            if (partial == 0 || State != ConnectionState.Open)
            {
                // Nothing waits now. Idle again; the receive loop rearms at the next read that ends mid-line (and if one
                // did so just now, before it could see the state, this arms for it).
                Volatile.Write(ref _noticeState, NoticeIdle);
                if (PartialMessageBytes > 0 && Interlocked.CompareExchange(ref _noticeState, NoticeArmed, NoticeIdle) == NoticeIdle)
                {
                    Arm(delay);
                }

                return;
            }

            var quiet = TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - Volatile.Read(ref _lastPartialRead)) / (double)Stopwatch.Frequency);
            if (quiet < delay)
            {
                Arm(delay - quiet);
                return;
            }

            if (Interlocked.Exchange(ref _noticeState, NoticeGiven) != NoticeGiven)
            {
                Inbox.AddEvent(new ConnectionEvent(ConnectionEventKind.UnterminatedLine, this, partial));
                StopWatchingLines();
            }
        }

        /// <summary>Once the notice is given or the connection ends: no more timer callbacks.</summary>
        private void StopWatchingLines()
        {
            lock (_stateGate)
            {
                Volatile.Write(ref _noticeState, NoticeGiven);
                _noticeTimer?.Dispose();
                _noticeTimer = null;
            }
        }
    }
}
