namespace PSSocketChat
{
    /// <summary>How messages are delimited on the wire.</summary>
    public enum MessageFraming
    {
        /// <summary>Text, one message per line, LF terminated; a CR before the LF is removed.</summary>
        Line,

        /// <summary>Every chunk read from the socket is one message, for peers that send no delimiter.</summary>
        Raw,

        /// <summary>A 4-byte big-endian length, then that many bytes: binary-safe, allows line breaks.</summary>
        LengthPrefixed,
    }
}
