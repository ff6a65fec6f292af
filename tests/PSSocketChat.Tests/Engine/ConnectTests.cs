using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PSSocketChat.Tests.Engine
{
    public class ConnectTests
    {
        [Fact]
        public void A_port_in_use_is_a_clear_error_naming_the_endpoint()
        {
            using var first = Loopback.StartServer();

            var error = Assert.Throws<SocketChatException>(() => Loopback.StartServer(o => o.Port = first.LocalEndPoint.Port));

            Assert.Equal(SocketErrorKind.AddressInUse, error.Kind);
            Assert.Contains(first.LocalEndPoint.ToString(), error.Message);
            Assert.Equal(first.LocalEndPoint.ToString(), error.Target);
        }

        [Fact]
        public void Port_zero_reports_the_port_the_OS_chose()
        {
            using var server = Loopback.StartServer();

            Assert.NotEqual(0, server.LocalEndPoint.Port);
            Assert.Equal(IPAddress.Loopback, server.LocalEndPoint.Address);
        }

        [Fact]
        public void Bad_options_are_refused_before_anything_is_bound()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => Loopback.StartServer(o => o.Port = 70000));
            Assert.Throws<ArgumentOutOfRangeException>(() => Loopback.StartServer(o => o.MaxMessageSize = 0));
            Assert.Throws<ArgumentException>(() => Loopback.StartServer(o => o.Encoding = System.Text.Encoding.UTF32));
        }

        [Fact]
        public void An_acknowledgement_the_framing_cannot_carry_is_refused_before_the_port_is_taken()
        {
            var port = FreePort();

            var error = Assert.Throws<SocketChatException>(() => Loopback.StartServer(o =>
            {
                o.Port = port;
                o.Acknowledgement = "two\nlines";
            }));

            Assert.Equal(SocketErrorKind.InvalidMessage, error.Kind);
            Assert.Equal("Acknowledgement", error.Target);
            using var server = Loopback.StartServer(o => o.Port = port);
            Assert.Equal(port, server.LocalEndPoint.Port);
        }

        [Fact]
        public void Connecting_where_nothing_listens_is_refused()
        {
            var port = FreePort();

            var error = Assert.Throws<SocketChatException>(() => SocketConnection.Connect("127.0.0.1", port));

            Assert.Equal(SocketErrorKind.ConnectionRefused, error.Kind);
            Assert.Contains($"127.0.0.1:{port}", error.Message);
        }

        [Fact]
        public void Connecting_by_host_name_tries_its_addresses()
        {
            using var server = Loopback.StartServer();
            using var client = SocketConnection.Connect("localhost", server.LocalEndPoint.Port);

            client.Send("por nombre");

            Assert.Equal("por nombre", server.Inbox.NextMessage().Text);
        }

        [Fact]
        public void A_name_that_does_not_resolve_is_a_host_not_found_error()
        {
            var options = new SocketClientOptions
            {
                ResolveHost = _ => Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound)),
            };

            var error = Assert.Throws<SocketChatException>(() => SocketConnection.Connect("no-such-host.invalid", 8000, options));

            Assert.Equal(SocketErrorKind.HostNotFound, error.Kind);
            Assert.Equal("no-such-host.invalid", error.Target);
        }

        [Fact]
        public void A_server_that_never_answers_is_a_timeout_and_cancelling_a_connect_is_a_cancellation()
        {
            using var silent = new SilentListener();

            var error = Assert.Throws<SocketChatException>(() => SocketConnection.Connect(
                "127.0.0.1",
                silent.Port,
                new SocketClientOptions { ConnectTimeout = TimeSpan.FromMilliseconds(300) }));
            Assert.Equal(SocketErrorKind.ConnectTimeout, error.Kind);

            using var cancel = new CancellationTokenSource();
            var connecting = SocketConnection.ConnectAsync("127.0.0.1", silent.Port, null, cancel.Token);
            cancel.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => connecting.GetAwaiter().GetResult());
        }

        [Fact]
        public void Cancelling_a_blocked_receive_returns_and_loses_nothing()
        {
            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);
            Assert.IsAssignableFrom<OperationCanceledException>(client.Inbox.CancelBlockedTake());

            client.Send("después");
            Assert.Equal("Mensaje recibido", client.Inbox.NextMessage().Text);
        }

        private static int FreePort()
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        /// <summary>
        /// A listener that never accepts, with its accept queue filled, so the OS drops further SYNs:
        /// the only way to make a loopback connect hang, which is what a connect timeout needs.
        /// </summary>
        private sealed class SilentListener : IDisposable
        {
            private readonly Socket _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            private readonly List<Socket> _fillers = new List<Socket>();

            public SilentListener()
            {
                _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                _listener.Listen(1);
                for (var attempt = 0; attempt < 64; attempt++)
                {
                    var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    _fillers.Add(filler);
                    if (!filler.ConnectAsync(_listener.LocalEndPoint!).Wait(TimeSpan.FromSeconds(1)))
                    {
                        return;
                    }
                }

                throw new InvalidOperationException("The accept queue never filled; cannot make a connect hang here.");
            }

            public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

            public void Dispose()
            {
                _fillers.ForEach(f => f.Dispose());
                _listener.Dispose();
            }
        }
    }
}
