using System;
using System.Threading;

namespace PSSocketChat.Module
{
    /// <summary>
    /// What the module keeps for the whole process: one registry, shared by every runspace, so a server started in
    /// one can be stopped from another. Whatever it holds is closed when the module is removed or the process exits.
    /// </summary>
    public static class ModuleState
    {
        // ProcessExit handlers share a short allowance on .NET Framework; stay well inside it.
        private static readonly TimeSpan ShutdownBound = TimeSpan.FromSeconds(1.5);
        private static int s_exitHooked;

        public static SocketRegistry Registry { get; } = new SocketRegistry();

        /// <summary>Called as the module's assembly is first used, so process exit closes what the session opened.</summary>
        internal static void EnsureExitHook()
        {
            if (Interlocked.Exchange(ref s_exitHooked, 1) == 0)
            {
                AppDomain.CurrentDomain.ProcessExit += (sender, args) => Shutdown();
            }
        }

        /// <summary>Stops every server and closes every connection; called by the root module's OnRemove. Safe to repeat.</summary>
        public static void Shutdown() => Registry.CloseAll(ShutdownBound);
    }
}
