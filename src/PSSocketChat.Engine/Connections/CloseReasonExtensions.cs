namespace PSSocketChat
{
    /// <summary>Close reasons in words for a person.</summary>
    public static class CloseReasonExtensions
    {
        public static string Describe(this CloseReason reason, string? detail)
        {
            var text = reason switch
            {
                CloseReason.None => "open",
                CloseReason.LocalClose => "closed by this side",
                CloseReason.ServerStopped => "the server was stopped",
                CloseReason.PeerClosed => "the peer closed the connection",
                CloseReason.Reset => "the connection was reset",
                CloseReason.ProtocolError => "protocol error",
                _ => reason.ToString(),
            };
            return string.IsNullOrEmpty(detail) ? text : $"{text}: {detail}";
        }
    }
}
