using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat.Cli
{
    internal static class Program
    {
        private static async Task<int> Main(string[] arguments)
        {
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
