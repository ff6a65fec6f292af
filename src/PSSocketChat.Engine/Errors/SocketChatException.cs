using System;

namespace PSSocketChat
{
    /// <summary>
    /// An error the engine reports to its caller: a kind to branch on, a message to show, and what it concerns
    /// (an endpoint text or a <see cref="SocketConnection"/>), so a cmdlet can build an ErrorRecord from it alone.
    /// </summary>
    public sealed class SocketChatException : Exception
    {
        public SocketChatException(SocketErrorKind kind, string message, object? target = null, Exception? innerException = null)
            : base(message, innerException)
        {
            Kind = kind;
            Target = target;
        }

        public SocketErrorKind Kind { get; }

        public object? Target { get; }
    }
}
