namespace PSSocketChat
{
    /// <summary>Why a connection closed. The first cause wins: a reset seen while closing locally stays a local close.</summary>
    public enum CloseReason
    {
        /// <summary>The connection is still open.</summary>
        None,

        /// <summary>This side closed it.</summary>
        LocalClose,

        /// <summary>The server that accepted it was stopped.</summary>
        ServerStopped,

        /// <summary>The peer finished sending (FIN) and the connection was closed in order.</summary>
        PeerClosed,

        /// <summary>The peer reset the connection (RST) or the network failed.</summary>
        Reset,

        /// <summary>The peer broke the framing rules, for example with a message over the size limit.</summary>
        ProtocolError,
    }
}
