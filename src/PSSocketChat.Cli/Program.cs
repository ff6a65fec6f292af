using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat.Cli
{
    internal static class Program
    {
        // The socket engine reads this once, when the first socket is made: set here, before any.
        private const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

        private static async Task<int> Main(string[] arguments)
        {
            // A socket's completion runs the receive loop on the thread that saw it (Linux's epoll thread) instead of
            // queueing it to the thread pool: one thread hop less between a message arriving and its acknowledgement.
            // Safe here because the engine never blocks in a receive loop; the module cannot choose this for the
            // PowerShell process it lives in. A user's own setting (0 to turn it off) wins.
            if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
            {
                Environment.SetEnvironmentVariable(InlineCompletions, "1");
            }

            using var shutdown = new CancellationTokenSource();

            // Ctrl+C and SIGTERM ask for an orderly stop instead of killing the process mid-message.
            void RequestStop(PosixSignalContext context)
            {
                context.Cancel = true;
                shutdown.Cancel();
            }

            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestStop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestStop);

            return await ChatHost.RunAsync(
                arguments,
                Console.In,
                Console.Out,
                Console.Error,
                interactive: !Console.IsInputRedirected,
                shutdown.Token).ConfigureAwait(false);
        }
    }
}
