using System.Collections.Generic;

namespace PSSocketChat
{
    /// <summary>What a lookup by names and ids found, and an error for each plain name or id that found nothing.</summary>
    public sealed class Selection<T>
    {
        internal Selection(IReadOnlyList<T> items, IReadOnlyList<SocketChatException> errors)
        {
            Items = items;
            Errors = errors;
        }

        public IReadOnlyList<T> Items { get; }

        public IReadOnlyList<SocketChatException> Errors { get; }
    }
}
