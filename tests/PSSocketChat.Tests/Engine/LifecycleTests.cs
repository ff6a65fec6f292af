using System.Linq;
using System.Net;
using System.Threading;
using Xunit;

namespace PSSocketChat.Tests.Engine
{
    public class LifecycleTests
    {
        [Fact]
        public void A_clients_connect_comes_before_its_first_message_and_its_disconnect_after_its_last()
        {
            using var server = Loopback.StartServer();
            using (var peer = Loopback.ConnectRaw(server))
            {
                peer.Send("first\nlast\n");
                peer.ShutdownSend();
                peer.ReadLines(2);
                Assert.True(peer.ReadsEndOfStream());
            }

            var items = Enumerable.Range(0, 4).Select(_ => server.Inbox.Next()).ToList();

            Assert.Equal(ConnectionEventKind.Connected, Assert.IsType<ConnectionEvent>(items[0]).Kind);
            Assert.Equal(new[] { "first", "last" }, items.Skip(1).Take(2).Select(i => Assert.IsType<SocketMessage>(i).Text));
            var disconnected = Assert.IsType<ConnectionEvent>(items[3]);
            Assert.Equal(ConnectionEventKind.Disconnected, disconnected.Kind);
            Assert.Equal(CloseReason.PeerClosed, disconnected.Reason);
        }

        [Fact]
        public void A_peers_FIN_closes_the_connection_in_order_after_its_acknowledgements()
        {
            using var server = Loopback.StartServer();
            using var peer = Loopback.ConnectRaw(server);

            peer.Send("adiós\n");
            peer.ShutdownSend();

            Assert.Equal("Mensaje recibido", peer.ReadLine());
            Assert.True(peer.ReadsEndOfStream(), "Expected the server's FIN after its acknowledgement.");
            var connection = server.Inbox.NextMessage().Connection;
            server.Inbox.NextEvent(ConnectionEventKind.Disconnected);
            Assert.Equal(ConnectionState.Closed, connection.State);
            Assert.Equal(CloseReason.PeerClosed, connection.CloseReason);
            Assert.NotNull(connection.ClosedAt);
            Assert.Equal(0, server.ConnectionCount);
        }

        [Fact]
        public void A_peers_reset_is_recorded_on_its_connection_and_other_clients_go_on()
        {
            using var server = Loopback.StartServer();
            using var healthy = Loopback.Connect(server);
            var peer = Loopback.ConnectRaw(server);
            server.Inbox.NextEvent(ConnectionEventKind.Connected);
            var resetConnection = server.Inbox.NextEvent(ConnectionEventKind.Connected).Connection!;

            peer.Reset();

            var disconnected = server.Inbox.NextEvent(ConnectionEventKind.Disconnected);
            Assert.Same(resetConnection, disconnected.Connection);
            Assert.Equal(CloseReason.Reset, disconnected.Reason);
            Assert.Equal(SocketErrorKind.ConnectionClosed, Assert.Throws<SocketChatException>(() => resetConnection.Send("¿hola?")).Kind);

            healthy.Send("sigo aquí");
            Assert.Equal("sigo aquí", server.Inbox.NextMessage().Text);
            Assert.Equal("Mensaje recibido", healthy.Inbox.NextMessage().Text);
        }

        [Fact]
        public void Clients_that_reset_as_soon_as_they_connect_do_not_stop_the_server_accepting()
        {
            using var server = Loopback.StartServer();
            for (var i = 0; i < 50; i++)
            {
                RawPeer.Connect(server.LocalEndPoint).Reset();
            }

            using var client = Loopback.Connect(server);
            client.Send("todavía aquí");

            Assert.Equal("Mensaje recibido", client.Inbox.NextMessage().Text);
            Assert.Equal("todavía aquí", server.Inbox.NextMessage().Text);
        }

        [Fact]
        public void Stopping_the_server_closes_every_client_in_order_and_frees_the_port()
        {
            var server = Loopback.StartServer();
            var port = server.LocalEndPoint.Port;
            var clients = Enumerable.Range(0, 3).Select(_ => Loopback.Connect(server)).ToList();
            foreach (var client in clients)
            {
                client.Send("antes de parar");
                Assert.Equal("Mensaje recibido", client.Inbox.NextMessage().Text);
            }

            server.Stop();

            Assert.Equal(ServerState.Stopped, server.State);
            Assert.Empty(server.Connections);
            foreach (var client in clients)
            {
                var disconnected = Assert.IsType<ConnectionEvent>(Assert.Single(client.DrainUntilClosed()));
                Assert.Equal(CloseReason.PeerClosed, disconnected.Reason);
            }

            Assert.Equal(3, server.Inbox.NextTexts(3).Count);
            var closed = Enumerable.Range(0, 3).Select(_ => Assert.IsType<ConnectionEvent>(server.Inbox.Next())).ToList();
            Assert.All(closed, e => Assert.Equal(ConnectionEventKind.Disconnected, e.Kind));
            Assert.All(closed, e => Assert.Equal(CloseReason.ServerStopped, e.Reason));
            Assert.False(server.Inbox.TryTake(out _, Loopback.Patience, CancellationToken.None));

            using var again = Loopback.StartServer(o => o.Port = port);
            Assert.Equal(port, again.LocalEndPoint.Port);
        }

        [Fact]
        public void Stopping_wakes_a_consumer_blocked_on_the_server_inbox()
        {
            var server = Loopback.StartServer();
            bool? took = null;
            var consumer = new Thread(() => took = server.Inbox.TryTake(out _, Timeout.InfiniteTimeSpan, CancellationToken.None));
            consumer.Start();

            server.Dispose();

            Assert.True(consumer.Join(Loopback.Patience), "The consumer was not woken.");
            Assert.False(took);
        }

        [Fact]
        public void Closing_twice_is_harmless_and_sending_after_close_is_a_clear_error()
        {
            using var server = Loopback.StartServer();
            var client = Loopback.Connect(server);

            client.Close();
            client.Close();
            client.Dispose();

            Assert.Equal(ConnectionState.Closed, client.State);
            Assert.Equal(CloseReason.LocalClose, client.CloseReason);
            var error = Assert.Throws<SocketChatException>(() => client.Send("tarde"));
            Assert.Equal(SocketErrorKind.ConnectionClosed, error.Kind);
            Assert.Same(client, error.Target);
            Assert.Contains($"Connection {client.Id}", error.Message);
            Assert.Contains("closed by this side", error.Message);
        }

        [Fact]
        public void Closing_the_client_first_lets_the_servers_last_acknowledgements_arrive()
        {
            using var server = Loopback.StartServer();
            var client = Loopback.Connect(server);

            for (var i = 0; i < 50; i++)
            {
                client.Send($"m{i}");
            }

            client.Close();

            var acknowledgements = client.DrainUntilClosed().OfType<SocketMessage>().Count();
            Assert.Equal(50, acknowledgements);
            Assert.Equal(50, server.Inbox.NextTexts(50).Count);
        }

        [Fact]
        public void Stopping_a_server_twice_is_harmless()
        {
            var server = Loopback.StartServer();

            server.Stop();
            server.Stop();

            Assert.Equal(ServerState.Stopped, server.State);
            Assert.NotNull(server.StoppedAt);
        }

        [Fact]
        public void A_server_on_IPv6_loopback_serves_IPv6_clients()
        {
            using var server = Loopback.StartServer(o => o.Address = IPAddress.IPv6Loopback);
            using var client = SocketConnection.Connect("::1", server.LocalEndPoint.Port);

            client.Send("hola por IPv6");

            var message = server.Inbox.NextMessage();
            Assert.Equal("hola por IPv6", message.Text);
            Assert.Equal(IPAddress.IPv6Loopback, message.RemoteEndPoint.Address);
            Assert.Equal("Mensaje recibido", client.Inbox.NextMessage().Text);
        }

        [Fact]
        public void A_server_on_the_IPv6_any_address_also_serves_IPv4_clients_and_shows_their_plain_address()
        {
            using var server = Loopback.StartServer(o => o.Address = IPAddress.IPv6Any);
            using var client = SocketConnection.Connect("127.0.0.1", server.LocalEndPoint.Port);

            client.Send("hola por IPv4");

            Assert.Equal(IPAddress.Loopback, server.Inbox.NextMessage().RemoteEndPoint.Address);
        }
    }
}
