using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using PSSocketChat.Cli;
using Xunit;

namespace PSSocketChat.Tests.Cli
{
    /// <summary>The console host run in-process: arguments, exit codes, one-line errors and a whole chat.</summary>
    public class ChatHostTests
    {
        [Theory]
        [InlineData(new string[0], "a command is required")]
        [InlineData(new[] { "serve" }, "unknown command 'serve'")]
        [InlineData(new[] { "server", "--port", "ocho" }, "--port must be a whole number from 0 to 65535, not 'ocho'")]
        [InlineData(new[] { "server", "--port=70000" }, "--port must be a whole number")]
        [InlineData(new[] { "server", "--colour", "red" }, "unknown option '--colour'")]
        [InlineData(new[] { "server", "--ack" }, "option '--ack' needs a value")]
        [InlineData(new[] { "server", "--ack", "ok", "--no-ack" }, "--ack and --no-ack cannot be used together")]
        [InlineData(new[] { "server", "--address", "999.1.1.1" }, "--address must be an IP address")]
        [InlineData(new[] { "server", "--framing", "json" }, "--framing must be line, raw or length-prefixed")]
        [InlineData(new[] { "client", "--port", "0" }, "--port must be a whole number from 1 to 65535")]
        [InlineData(new[] { "client", "extra" }, "unexpected argument 'extra'")]
        public async Task A_bad_command_line_exits_2_with_one_line_on_stderr(string[] arguments, string expected)
        {
            var (code, output, error) = await Run(arguments);

            Assert.Equal(ExitCodes.BadArgument, code);
            Assert.Equal("", output);
            Assert.Contains(expected, error);
            Assert.Single(error.TrimEnd().Split('\n'));
        }

        [Fact]
        public async Task Help_prints_usage_and_exits_0()
        {
            var (code, output, _) = await Run(new[] { "--help" });

            Assert.Equal(ExitCodes.Success, code);
            Assert.Contains("pssocketchat server", output);
            Assert.Contains("Exit codes", output);
        }

        [Fact]
        public async Task A_port_in_use_exits_3_naming_the_endpoint()
        {
            using var taken = Loopback.StartServer();

            var (code, _, error) = await Run(new[] { "server", "--address", "127.0.0.1", "--port", taken.LocalEndPoint.Port.ToString() });

            Assert.Equal(ExitCodes.CannotListen, code);
            Assert.Contains($"Cannot listen on {taken.LocalEndPoint}", error);
            Assert.Single(error.TrimEnd().Split('\n'));
        }

        [Fact]
        public async Task A_refused_connection_exits_4()
        {
            var server = Loopback.StartServer();
            var port = server.LocalEndPoint.Port;
            server.Stop();

            var (code, _, error) = await Run(new[] { "client", "--host", "127.0.0.1", "--port", port.ToString() });

            Assert.Equal(ExitCodes.CannotConnect, code);
            Assert.Contains("refused", error);
        }

        [Fact]
        public async Task Server_and_client_chat_until_salir_and_the_server_stops_on_cancel()
        {
            var serverOutput = new LineCapture();
            using var stopServer = new CancellationTokenSource();
            var server = StartServer(serverOutput, stopServer.Token, "--address", "127.0.0.1", "--port", "0");
            var endPoint = ListeningEndPoint(serverOutput.NextLine());

            var (code, output, error) = await Run(
                new[] { "client", "--host", "127.0.0.1", "--port", endPoint.Port.ToString() },
                "hola\n¿qué tal?\nsalir\nnunca enviado\n");

            Assert.Equal(ExitCodes.Success, code);
            Assert.Equal("", error);
            Assert.Equal("Mensaje recibido\nMensaje recibido\n", output.Replace("\r\n", "\n"));
            Assert.Matches(@"^\[\d\d:\d\d:\d\d\] 127\.0\.0\.1:\d+ connected \(connection \d+\)$", serverOutput.NextLine());
            Assert.Matches(@"^\[\d\d:\d\d:\d\d\] 127\.0\.0\.1:\d+: hola$", serverOutput.NextLine());
            Assert.EndsWith(": ¿qué tal?", serverOutput.NextLine());
            Assert.Contains("disconnected", serverOutput.NextLine());
            Assert.DoesNotContain("nunca enviado", serverOutput.All);

            stopServer.Cancel();
            Assert.Equal(ExitCodes.Success, await server.WaitAsync(Loopback.Patience));
        }

        [Fact]
        public async Task The_client_ends_at_end_of_input_after_the_last_replies()
        {
            using var server = Loopback.StartServer(o => o.Acknowledgement = "ok");
            var lines = string.Concat(Enumerable.Range(0, 200).Select(i => $"línea {i}\n"));

            var (code, output, _) = await Run(new[] { "client", "--host", "127.0.0.1", "--port", server.LocalEndPoint.Port.ToString() }, lines);

            Assert.Equal(ExitCodes.Success, code);
            Assert.Equal(200, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Equal("línea 199", server.Inbox.NextTexts(200)[199]);
        }

        [Fact]
        public async Task A_quiet_server_prints_only_its_listening_line()
        {
            var serverOutput = new LineCapture();
            using var stopServer = new CancellationTokenSource();
            var server = StartServer(serverOutput, stopServer.Token, "--address", "127.0.0.1", "--port", "0", "--quiet", "--ack", "vale");
            var endPoint = ListeningEndPoint(serverOutput.NextLine());

            var (_, output, _) = await Run(new[] { "client", "--host", "127.0.0.1", "--port", endPoint.Port.ToString() }, "silencio\n");
            stopServer.Cancel();
            await server.WaitAsync(Loopback.Patience);

            Assert.Equal("vale", output.Trim());
            Assert.Equal($"listening on {endPoint}", serverOutput.All.Trim());
        }

        /// <summary>
        /// The server command consumes its inbox on the calling thread, as the program's main thread does,
        /// so it gets a thread of its own here rather than one of the test runner's.
        /// </summary>
        private static Task<int> StartServer(TextWriter output, CancellationToken stop, params string[] options) =>
            Task.Run(() => ChatHost.RunAsync(new[] { "server" }.Concat(options).ToArray(), TextReader.Null, output, TextWriter.Null, false, stop));

        internal static IPEndPoint ListeningEndPoint(string line)
        {
            Assert.StartsWith("listening on ", line);
            return IPEndPoint.Parse(line.Substring("listening on ".Length));
        }

        private static async Task<(int Code, string Output, string Error)> Run(string[] arguments, string input = "")
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = await Task.Run(() => ChatHost.RunAsync(arguments, new StringReader(input), output, error, false, CancellationToken.None))
                .WaitAsync(Loopback.Patience);
            return (code, output.ToString(), error.ToString());
        }
    }
}
