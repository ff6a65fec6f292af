using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat.Cli
{
    /// <summary>Dispatches the command word and turns usage errors into the one-line message and exit code 2.</summary>
    internal static class ChatHost
    {
        public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken)
        {
            try
            {
                if (arguments.Length == 0)
                {
                    throw new UsageException("a command is required: server or client (see --help)");
                }

                var rest = arguments.AsSpan(1).ToArray();
                switch (arguments[0])
                {
                    case "server":
                        return await ServerCommand.RunAsync(rest, output, error, cancellationToken).ConfigureAwait(false);
                    case "client":
                        return await ClientCommand.RunAsync(rest, input, output, error, interactive, cancellationToken).ConfigureAwait(false);
                    case "--help":
                    case "-h":
                    case "help":
                        output.WriteLine(Usage.Text);
                        return ExitCodes.Success;
                    default:
                        throw new UsageException($"unknown command '{arguments[0]}': use server or client (see --help)");
                }
            }
            catch (UsageException e)
            {
                error.WriteLine($"pssocketchat: {e.Message}");
                return ExitCodes.BadArgument;
            }
        }
    }
}
