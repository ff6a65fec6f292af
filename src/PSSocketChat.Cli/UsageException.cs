using System;

namespace PSSocketChat.Cli
{
    /// <summary>A command line that cannot be run; its message is the one line shown on stderr.</summary>
    internal sealed class UsageException : Exception
    {
        public UsageException(string message)
            : base(message)
        {
        }
    }
}
