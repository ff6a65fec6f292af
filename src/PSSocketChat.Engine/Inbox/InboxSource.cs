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
            Turn = new LinkedListNode<InboxSource>(this);
        }

        internal MessageInbox Inbox { get; }

        internal Queue<IInboxItem> Items { get; } = new Queue<IInboxItem>();

        /// <summary>Messages waiting (events not counted).</summary>
        internal int Messages;

        /// <summary>Payload bytes of the messages waiting.</summary>
        internal long Bytes;

        /// <summary>
        /// The source's place in the inbox's ready list, made once and reused: in the list exactly while the source has
        /// items, so a connection whose items were all taken is not kept there (nor kept alive by it).
        /// </summary>
        internal LinkedListNode<InboxSource> Turn { get; }

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
