namespace PSSocketChat.Cli
{
    /// <summary>What the process tells a calling script. Documented in the README; keep them stable.</summary>
    internal static class ExitCodes
    {
        public const int Success = 0;
        public const int ConnectionLost = 1;
        public const int BadArgument = 2;
        public const int CannotListen = 3;
        public const int CannotConnect = 4;
    }
}
