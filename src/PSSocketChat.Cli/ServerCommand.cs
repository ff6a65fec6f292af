using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat.Cli
{
    /// <summary>The seed's server: listen, print every message with who sent it and when, confirm each one.</summary>
    internal static class ServerCommand
    {
        private static readonly string[] ValueOptions = { "address", "port", "framing", "ack", "max-message-size" };
        private static readonly string[] Flags = { "no-ack", "quiet" };

        public static async Task<int> RunAsync(string[] arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
        {
            var line = CommandLine.Parse(arguments, ValueOptions, Flags);
            if (line.Has("ack") && line.Has("no-ack"))
            {
                throw new UsageException("--ack and --no-ack cannot be used together");
            }

            var options = new SocketServerOptions
            {
                Address = line.GetAddress("address", IPAddress.Any),
                Port = line.GetInt("port", SeedDefaults.Port, 0, IPEndPoint.MaxPort),
                Framing = line.GetFraming("framing"),
                MaxMessageSize = line.GetInt("max-message-size", SocketServerOptions.DefaultMaxMessageSize, 1, int.MaxValue),
                Acknowledgement = line.Has("no-ack") ? null : line.GetString("ack", SeedDefaults.Acknowledgement),
            };
            var quiet = line.Has("quiet");

            SocketServer server;
            try
            {
                server = SocketServer.Start(options);
            }
            catch (SocketChatException e)
            {
                error.WriteLine($"pssocketchat: {e.Message}");
                return ExitCodes.CannotListen;
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            using (server)
            {
                output.WriteLine($"listening on {server.LocalEndPoint}");
                output.Flush();
                try
                {
                    while (server.Inbox.TryTake(out var item, Timeout.InfiniteTimeSpan, cancellationToken))
                    {
                        if (!quiet)
                        {
                            output.WriteLine(Describe(item));
                            output.Flush();
                        }
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Ctrl+C or SIGTERM: fall through to the orderly stop.
                }

                await server.StopAsync().ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }

        internal static string Describe(IInboxItem item)
        {
            var (time, text) = item switch
            {
                SocketMessage message => (message.ReceivedAt, $"{message.RemoteEndPoint}: {message.Text}"),
                ConnectionEvent connectionEvent => (connectionEvent.Time, EventText.Describe(connectionEvent)),
                _ => (DateTime.Now, item.ToString() ?? string.Empty),
            };
            return $"[{time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {text}";
        }

    }
}
