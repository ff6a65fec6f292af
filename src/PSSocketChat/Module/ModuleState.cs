using System;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;
using System.Threading;

namespace PSSocketChat.Module
{
    /// <summary>
    /// What the module keeps for the whole process: one registry, shared by every runspace, so a server started in
    /// one can be stopped from another. It records which runspace opened what: removing the module from a runspace
    /// (a ThreadJob, a runspace of a pool) closes what that runspace opened; the last removal, and the end of the
    /// process, close the rest.
    /// </summary>
    public static class ModuleState
    {
        // ProcessExit handlers share a short allowance on .NET Framework; stay well inside it.
        private static readonly TimeSpan ShutdownBound = TimeSpan.FromSeconds(1.5);
        private static readonly HashSet<Guid> s_importedIn = new HashSet<Guid>();
        private static int s_exitHooked;

        public static SocketRegistry Registry { get; } = new SocketRegistry();

        /// <summary>The runspace running the calling command: what it opens is its own.</summary>
        internal static object? CurrentOwner => Runspace.DefaultRunspace?.InstanceId;

        /// <summary>Called by the root module as a runspace imports it.</summary>
        public static void Imported(Guid runspace)
        {
            lock (s_importedIn)
            {
                s_importedIn.Add(runspace);
            }
        }

        /// <summary>
        /// Called by the root module's OnRemove: closes what this runspace opened and, when no other runspace still
        /// has the module, everything else too.
        /// </summary>
        public static void Removed(Guid runspace)
        {
            bool last;
            lock (s_importedIn)
            {
                s_importedIn.Remove(runspace);
                last = s_importedIn.Count == 0;
            }

            if (last)
            {
                Shutdown();
            }
            else
            {
                Registry.CloseOwnedBy(runspace, ShutdownBound);
            }
        }

        /// <summary>Called as the module's assembly is first used, so process exit closes what the session opened.</summary>
        internal static void EnsureExitHook()
        {
            if (Interlocked.Exchange(ref s_exitHooked, 1) == 0)
            {
                AppDomain.CurrentDomain.ProcessExit += (sender, args) => Shutdown();
            }
        }

        /// <summary>Stops every server and closes every connection: the last removal, and process exit. Safe to repeat.</summary>
        public static void Shutdown() => Registry.CloseAll(ShutdownBound);
    }
}
