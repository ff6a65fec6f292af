using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat
{
    /// <summary>
    /// One connection's queue inside an inbox (or the server's own, for notices about clients that never became
    /// connections): its items in arrival order, and the bound that pauses that connection's reads and no other's.
    /// Every field is guarded by the owning inbox's lock; the counters are also written with Volatile so that the
    /// connection's properties can read them without it.
    /// </summary>
    internal sealed class InboxSource
    {
        internal InboxSource(MessageInbox inbox)
        {
            Inbox = inbox;
        }

        internal MessageInbox Inbox { get; }

        internal Queue<IInboxItem> Items { get; } = new Queue<IInboxItem>();

        /// <summary>Messages waiting (events not counted).</summary>
        internal int Messages;

        /// <summary>Payload bytes of the messages waiting.</summary>
        internal long Bytes;

        /// <summary>True while the source is in the inbox's ready list (it may have been emptied since by a direct take).</summary>
        internal bool Scheduled;

        /// <summary>
        /// Set while the source is full and its receive loop waits: completed when the consumer has taken it down to
        /// the resume mark. Null while there is room.
        /// </summary>
        internal TaskCompletionSource<bool>? Resume;

        /// <summary>
        /// Down to half of both bounds. Reads resume only there, not at the first free slot, so a consumer taking one
        /// message at a time does not wake the receive loop, and cost a read, for every message (Kestrel's pause and
        /// resume thresholds do the same for its pipes).
        /// </summary>
        internal bool AtResumeMark => Messages <= Inbox.Capacity / 2 && Bytes <= Inbox.ByteCapacity / 2;

        internal int QueuedMessages => Volatile.Read(ref Messages);

        internal long QueuedBytes => Volatile.Read(ref Bytes);
    }
}
