using System.Collections.Generic;

namespace PSSocketChat.Module
{
    /// <summary>
    /// Bytes that came down the pipeline one at a time, as PowerShell unrolls a piped byte array, gathered back into
    /// the one message they were. They belong to one connection: bytes for another, or a whole array, first send what
    /// is gathered, so nothing changes order or goes to the wrong place.
    /// </summary>
    public sealed class PipedBytes
    {
        private readonly List<byte> _bytes = new List<byte>();
        private SocketConnection? _connection;

        /// <summary>False when the bytes were given on the command line: a single byte there is a message of its own.</summary>
        public bool Gathering { get; set; } = true;

        /// <summary>
        /// Adds a byte for a connection; returns what must be sent first (the bytes gathered for another connection),
        /// or null.
        /// </summary>
        public (SocketConnection Connection, byte[] Bytes)? Add(SocketConnection connection, byte value)
        {
            var earlier = ReferenceEquals(connection, _connection) ? null : Take();
            _connection = connection;
            _bytes.Add(value);
            return earlier;
        }

        /// <summary>What is gathered, as one message for its connection, emptying the gathering; null when nothing is.</summary>
        public (SocketConnection Connection, byte[] Bytes)? Take()
        {
            if (_connection is null || _bytes.Count == 0)
            {
                return null;
            }

            var taken = (_connection, _bytes.ToArray());
            _bytes.Clear();
            _connection = null;
            return taken;
        }
    }
}
