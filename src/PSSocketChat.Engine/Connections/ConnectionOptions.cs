using System;
using System.Text;

namespace PSSocketChat
{
    /// <summary>Settings every connection has, whichever side opened it.</summary>
    public abstract class ConnectionOptions
    {
        public const int DefaultMaxMessageSize = 1024 * 1024;

        public const int DefaultInboxCapacity = 1024;

        public const long DefaultInboxByteCapacity = 1024 * 1024;

        /// <summary>A name to find the server or connection by; a default is made from its id when empty.</summary>
        public string? Name { get; set; }

        public MessageFraming Framing { get; set; } = MessageFraming.Line;

        /// <summary>Text encoding of messages. Bytes invalid in it become replacement characters, never an error.</summary>
        public Encoding Encoding { get; set; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>Largest message payload accepted or sent, in bytes.</summary>
        public int MaxMessageSize { get; set; } = DefaultMaxMessageSize;

        /// <summary>
        /// Messages of one connection held for the consumer before the engine stops reading that connection's socket;
        /// TCP flow control then slows that sender instead of memory growing. Reads resume at half.
        /// </summary>
        public int InboxCapacity { get; set; } = DefaultInboxCapacity;

        /// <summary>
        /// Payload bytes of one connection held for the consumer before its reads pause, as <see cref="InboxCapacity"/>
        /// does for messages; whichever bound is met first pauses. A single message larger than this still goes
        /// through when nothing else of its connection waits.
        /// </summary>
        public long InboxByteCapacity { get; set; } = DefaultInboxByteCapacity;

        /// <summary>Bytes asked of the socket per read; the one buffer is reused for the life of the connection.</summary>
        public int ReceiveBufferSize { get; set; } = 16 * 1024;

        /// <summary>How long a graceful close waits for pending sends and the peer's FIN before it resets.</summary>
        public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>
        /// In Line framing, how long bytes without a line feed may wait with nothing more arriving before the
        /// connection reports them, once, as a <see cref="ConnectionEventKind.UnterminatedLine"/> event: the sign of a
        /// peer that never ends its messages with one. The bytes stay where they are. Null never reports.
        /// </summary>
        public TimeSpan? UnterminatedLineNotice { get; set; } = TimeSpan.FromSeconds(1);

        internal virtual void Validate()
        {
            if (Encoding is null)
            {
                throw new ArgumentNullException(nameof(Encoding));
            }

            RequirePositive(MaxMessageSize, nameof(MaxMessageSize), "The maximum message size");
            RequirePositive(InboxCapacity, nameof(InboxCapacity), "The inbox capacity");
            if (InboxByteCapacity <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(InboxByteCapacity), InboxByteCapacity, "The inbox byte capacity must be greater than zero.");
            }
            RequirePositive(ReceiveBufferSize, nameof(ReceiveBufferSize), "The receive buffer size");
            RequirePositive(CloseTimeout, nameof(CloseTimeout), "The close timeout");
            if (UnterminatedLineNotice is TimeSpan notice)
            {
                RequirePositive(notice, nameof(UnterminatedLineNotice), "The unterminated-line notice delay");
            }
        }

        // The message names the setting in words, as a person reads it in an error; the parameter name is for code.
        private protected static void RequirePositive(int value, string name, string what)
        {
            if (value <= 0)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{what} must be greater than zero.");
            }
        }

        private protected static void RequirePositive(TimeSpan value, string name, string what)
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{what} must be greater than zero.");
            }
        }
    }
}
