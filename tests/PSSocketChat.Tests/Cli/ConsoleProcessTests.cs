using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using PSSocketChat.Cli;
using Xunit;

namespace PSSocketChat.Tests.Cli
{
    /// <summary>
    /// The real pssocketchat program, started as its own process: the two seed programs talking to each other
    /// and to a plain socket peer (what nc does), stopped by SIGTERM.
    /// </summary>
    public class ConsoleProcessTests
    {
        private const int SIGTERM = 15;

        [Fact]
        public void The_server_and_client_programs_chat_until_salir_and_SIGTERM_stops_the_server_in_order()
        {
            using var server = ChatProcess.Start("server", "--address", "127.0.0.1", "--port", "0");
            var endPoint = ChatHostTests.ListeningEndPoint(server.ReadLine());

            using var client = ChatProcess.Start("client", "--host", "127.0.0.1", "--port", endPoint.Port.ToString());
            client.Process.StandardInput.WriteLine("hola servidor");
            Assert.Equal("Mensaje recibido", client.ReadLine());
            client.Process.StandardInput.WriteLine("salir");

            Assert.Equal(ExitCodes.Success, client.WaitForExit());
            Assert.Contains("connected", server.ReadLine());
            Assert.EndsWith(": hola servidor", server.ReadLine());
            Assert.Contains("disconnected", server.ReadLine());

            Assert.Equal(0, kill(server.Process.Id, SIGTERM));
            Assert.Equal(ExitCodes.Success, server.WaitForExit());
        }

        [Fact]
        public void The_server_program_answers_a_plain_socket_peer_as_nc_would_see_it()
        {
            using var server = ChatProcess.Start("server", "--address", "127.0.0.1", "--port", "0", "--ack", "recibido");
            var endPoint = ChatHostTests.ListeningEndPoint(server.ReadLine());

            using (var peer = RawPeer.Connect(endPoint))
            {
                peer.Send("uno\r\ndos\n");
                Assert.Equal(new[] { "recibido", "recibido" }, peer.ReadLines(2));
            }

            server.Process.StandardInput.Close();
            Assert.Equal(0, kill(server.Process.Id, SIGTERM));
            Assert.Equal(ExitCodes.Success, server.WaitForExit());
        }

        [Fact]
        public void The_client_program_talks_to_a_plain_listening_socket_as_with_nc_l()
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            var port = ((IPEndPoint)listener.LocalEndPoint!).Port;

            using var client = ChatProcess.Start("client", "--host", "127.0.0.1", "--port", port.ToString());
            using var accepted = listener.Accept();
            accepted.ReceiveTimeout = (int)Loopback.Patience.TotalMilliseconds;
            client.Process.StandardInput.WriteLine("ping");
            var buffer = new byte[64];
            Assert.Equal("ping\n", Encoding.UTF8.GetString(buffer, 0, accepted.Receive(buffer)));

            accepted.Send(Encoding.UTF8.GetBytes("pong\n"));
            Assert.Equal("pong", client.ReadLine());
            client.Process.StandardInput.Close();
            Assert.Equal(0, accepted.Receive(buffer));
            accepted.Shutdown(SocketShutdown.Send);

            Assert.Equal(ExitCodes.Success, client.WaitForExit());
        }

        [Fact]
        public void The_seed_client_cliente_py_chats_with_the_server_program_in_raw_framing()
        {
            using var server = ChatProcess.Start("server", "--address", "127.0.0.1", "--port", "0", "--framing", "raw");
            var endPoint = ChatHostTests.ListeningEndPoint(server.ReadLine());

            using var client = SeedProgram.Start("cliente.py", "127.0.0.1", endPoint.Port.ToString());
            client.Process.StandardInput.WriteLine("hola");
            client.Process.StandardInput.WriteLine("que tal");
            client.Process.StandardInput.WriteLine("salir");

            Assert.Equal("Mensaje recibido\nMensaje recibido\n", client.ReadToEnd().Replace("\r\n", "\n"));
            Assert.Equal(0, client.Process.ExitCode);
            Assert.Contains("connected", server.ReadLine());
            Assert.EndsWith(": hola", server.ReadLine());
            Assert.EndsWith(": que tal", server.ReadLine());
            Assert.Equal(0, kill(server.Process.Id, SIGTERM));
            Assert.Equal(ExitCodes.Success, server.WaitForExit());
        }

        [Fact]
        public void The_client_program_chats_with_the_seed_server_servidor_py_in_raw_framing()
        {
            var (seed, port) = SeedProgram.StartServer();
            using (seed)
            {
                using var client = ChatProcess.Start("client", "--host", "127.0.0.1", "--port", port.ToString(), "--framing", "raw");
                client.Process.StandardInput.WriteLine("hola");
                Assert.Equal("Mensaje recibido", client.ReadLine());
                client.Process.StandardInput.WriteLine("salir");

                Assert.Equal(ExitCodes.Success, client.WaitForExit());
                var printed = seed.ReadToEnd();
                Assert.Contains("Mensaje: hola", printed);
                Assert.Equal(0, seed.Process.ExitCode);
            }
        }

        [Fact]
        public void In_line_framing_the_server_program_tells_how_to_serve_a_client_that_sends_no_line_feed()
        {
            using var server = ChatProcess.Start("server", "--address", "127.0.0.1", "--port", "0");
            var endPoint = ChatHostTests.ListeningEndPoint(server.ReadLine());

            using (var client = SeedProgram.Start("cliente.py", "127.0.0.1", endPoint.Port.ToString()))
            {
                client.Process.StandardInput.WriteLine("hola");
                client.Process.StandardInput.Flush();
                Assert.Contains("connected", server.ReadLine());
                var advice = server.ReadLine();
                Assert.Contains("sent 4 byte(s) without a line feed", advice);
                Assert.Contains("--framing raw", advice);
            }

            // cliente.py killed: its words still arrive, as the last (unterminated) line.
            Assert.EndsWith(": hola", server.ReadLine());
            Assert.Equal(0, kill(server.Process.Id, SIGTERM));
            Assert.Equal(ExitCodes.Success, server.WaitForExit());
        }

        [Fact]
        public void In_line_framing_the_client_program_tells_how_to_talk_to_a_server_that_sends_no_line_feed()
        {
            var (seed, port) = SeedProgram.StartServer();
            using (seed)
            {
                using var client = ChatProcess.Start("client", "--host", "127.0.0.1", "--port", port.ToString());
                client.Process.StandardInput.WriteLine("hola");

                var advice = client.ReadErrorLine();
                Assert.Contains("without a line feed", advice);
                Assert.Contains("--framing raw", advice);
                client.Process.StandardInput.WriteLine("salir");
                Assert.Equal(ExitCodes.Success, client.WaitForExit());
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);

        /// <summary>pssocketchat.dll from the test's output folder, run by the dotnet that runs the tests.</summary>
        private sealed class ChatProcess : IDisposable
        {
            private ChatProcess(Process process) => Process = process;

            public Process Process { get; }

            public static ChatProcess Start(params string[] arguments)
            {
                var info = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
                {
                    RedirectStandardInput = true,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                    StandardOutputEncoding = Encoding.UTF8,
                };
                info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pssocketchat.dll"));
                foreach (var argument in arguments)
                {
                    info.ArgumentList.Add(argument);
                }

                return new ChatProcess(Process.Start(info)!);
            }

            public string ReadLine()
            {
                var line = Process.StandardOutput.ReadLineAsync();
                Assert.True(line.Wait(Loopback.Patience), "The program printed nothing.");
                if (line.Result is null)
                {
                    Assert.Fail($"The program ended: {Process.StandardError.ReadToEnd()}");
                }

                return line.Result!;
            }

            public string ReadErrorLine()
            {
                var line = Process.StandardError.ReadLineAsync();
                Assert.True(line.Wait(Loopback.Patience), "The program printed nothing on standard error.");
                Assert.True(line.Result != null, "The program ended without a line on standard error.");
                return line.Result!;
            }

            public int WaitForExit()
            {
                Assert.True(Process.WaitForExit(Loopback.Patience), "The program did not exit.");
                return Process.ExitCode;
            }

            public void Dispose()
            {
                if (!Process.HasExited)
                {
                    Process.Kill(entireProcessTree: true);
                }

                Process.Dispose();
            }
        }
    }
}
