using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat.Cli
{
    /// <summary>The seed's client: send each line typed, print each reply, end on 'salir' or end of input.</summary>
    internal static class ClientCommand
    {
        public const string QuitWord = "salir";

        private static readonly string[] ValueOptions = { "host", "port", "framing", "max-message-size" };

        public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken)
        {
            var line = CommandLine.Parse(arguments, ValueOptions, Array.Empty<string>());
            var host = line.GetString("host", "localhost");
            var port = line.GetInt("port", SeedDefaults.Port, 1, IPEndPoint.MaxPort);
            var options = new SocketClientOptions
            {
                Framing = line.GetFraming("framing"),
                MaxMessageSize = line.GetInt("max-message-size", SocketClientOptions.DefaultMaxMessageSize, 1, int.MaxValue),
            };

            SocketConnection connection;
            try
            {
                connection = await SocketConnection.ConnectAsync(host, port, options, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketChatException e)
            {
                error.WriteLine($"pssocketchat: {e.Message}");
                return ExitCodes.CannotConnect;
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Success;
            }

            // Off the socket thread, where the connect may have completed (socket completions run inline in this host):
            // what follows writes to the console, which may block.
            await Task.Yield();

            using (connection)
            {
                if (interactive)
                {
                    error.WriteLine($"Connected to {connection.RemoteEndPoint}. Type messages; '{QuitWord}' quits.");
                }

                // Replies print as they come, on their own task, so a server that does not answer never blocks typing.
                var replies = Task.Run(() => PrintReplies(connection, output, error));
                var userEnded = await SendLinesAsync(connection, input, replies, error, cancellationToken).ConfigureAwait(false);

                // Half-close: the server still sends its last replies, then its FIN, which completes the printer.
                await connection.CloseAsync().ConfigureAwait(false);
                await replies.ConfigureAwait(false);
                output.Flush();

                if (userEnded || connection.CloseReason == CloseReason.PeerClosed)
                {
                    if (!userEnded)
                    {
                        error.WriteLine($"pssocketchat: {connection.RemoteEndPoint} closed the connection.");
                    }

                    return ExitCodes.Success;
                }

                error.WriteLine($"pssocketchat: connection lost: {connection.CloseReason} {connection.CloseDetail}".TrimEnd());
                return ExitCodes.ConnectionLost;
            }
        }

        /// <summary>Returns true when the user ended the session (quit word, end of input, Ctrl+C), false when the connection did.</summary>
        private static async Task<bool> SendLinesAsync(SocketConnection connection, TextReader input, Task replies, TextWriter error, CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                while (true)
                {
                    // Console reads cannot be cancelled; a read left waiting when the connection ends dies with the process.
                    var read = Task.Run(input.ReadLine);
                    var first = await Task.WhenAny(read, replies, cancelled.Task).ConfigureAwait(false);
                    if (first == replies)
                    {
                        return false;
                    }

                    if (first == cancelled.Task)
                    {
                        return true;
                    }

                    var text = await read.ConfigureAwait(false);
                    if (text is null || string.Equals(text.Trim(), QuitWord, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }

                    try
                    {
                        await connection.SendAsync(text, cancellationToken).ConfigureAwait(false);
                    }
                    catch (SocketChatException e) when (e.Kind != SocketErrorKind.ConnectionClosed)
                    {
                        // One bad line (too large, empty in Raw framing) is reported; the session goes on.
                        error.WriteLine($"pssocketchat: not sent: {e.Message}");
                    }
                    catch (SocketChatException)
                    {
                        return false;
                    }
                    catch (OperationCanceledException)
                    {
                        return true;
                    }
                }
            }
        }

        private static void PrintReplies(SocketConnection connection, TextWriter output, TextWriter error)
        {
            while (connection.Inbox.TryTake(out var item, Timeout.InfiniteTimeSpan, CancellationToken.None))
            {
                if (item is SocketMessage reply)
                {
                    output.WriteLine(reply.Text);
                    output.Flush();
                }
                else if (item is ConnectionEvent { Kind: ConnectionEventKind.UnterminatedLine } unterminated)
                {
                    // The usual reason replies "never come": the server ends its messages without a line feed.
                    error.WriteLine($"pssocketchat: {EventText.Describe(unterminated)}");
                }
            }
        }
    }
}
