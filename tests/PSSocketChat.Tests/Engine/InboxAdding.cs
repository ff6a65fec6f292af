using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat.Tests.Engine
{
    /// <summary>
    /// One message at a time into an inbox, through the calls the receive loop makes for a whole read: the tests of the
    /// queue's bounds read best message by message, and the engine needs no single-message path of its own.
    /// </summary>
    internal static class InboxAdding
    {
        /// <summary>Adds the message and wakes the consumer if there is room now; false, the queue marked paused, when full.</summary>
        public static bool TryAdd(this MessageInbox inbox, InboxSource source, SocketMessage message)
        {
            if (inbox.TryAddRange(source, new List<SocketMessage> { message }, 0) == 0)
            {
                return false;
            }

            inbox.Wake();
            return true;
        }

        /// <summary>Adds the message, waiting as the receive loop does for the queue to be down to its resume mark.</summary>
        public static async Task AddAsync(this MessageInbox inbox, InboxSource source, SocketMessage message, CancellationToken cancellationToken)
        {
            while (!inbox.TryAdd(source, message))
            {
                await inbox.WaitForRoomAsync(source, cancellationToken);
            }
        }
    }
}
