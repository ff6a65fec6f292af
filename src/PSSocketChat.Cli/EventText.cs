namespace PSSocketChat.Cli
{
    /// <summary>Connection events in this program's words: the engine's, with this program's option where it advises one.</summary>
    internal static class EventText
    {
        public static string Describe(ConnectionEvent connectionEvent) => connectionEvent.Kind == ConnectionEventKind.UnterminatedLine
            ? $"{connectionEvent} Use --framing raw."
            : connectionEvent.ToString();
    }
}
