using System;
using System.Linq;
using System.Net;
using System.Threading;
using Xunit;

namespace PSSocketChat.Tests.Session
{
    public class SocketRegistryTests
    {
        private static SocketServerOptions Loopback0(string? name = null) =>
            new SocketServerOptions { Address = IPAddress.Loopback, Port = 0, Name = name };

        [Fact]
        public void It_lists_its_servers_their_clients_and_its_own_connections()
        {
            var registry = new SocketRegistry();
            try
            {
                var server = registry.StartServer(Loopback0("chat"));
                var connection = registry.Connect("127.0.0.1", server.LocalEndPoint.Port, new SocketClientOptions { Name = "yo" }, CancellationToken.None);
                server.Inbox.NextEvent(ConnectionEventKind.Connected);

                Assert.Same(server, Assert.Single(registry.Servers));
                Assert.Equal(2, registry.Connections.Length);
                Assert.Contains(connection, registry.Connections);
                Assert.Contains(registry.Connections, c => c.Direction == ConnectionDirection.Inbound);
                Assert.Equal(registry.Connections.OrderBy(c => c.Id), registry.Connections);
            }
            finally
            {
                registry.CloseAll(Loopback.Patience);
            }
        }

        [Fact]
        public void A_name_in_use_is_refused_and_free_again_once_stopped()
        {
            var registry = new SocketRegistry();
            try
            {
                var first = registry.StartServer(Loopback0("Chat"));

                var error = Assert.Throws<SocketChatException>(() => registry.StartServer(Loopback0("chat")));
                Assert.Equal(SocketErrorKind.NameInUse, error.Kind);
                Assert.Equal("chat", error.Target);

                first.Stop();
                Assert.Empty(registry.Servers);
                Assert.Equal("chat", registry.StartServer(Loopback0("chat")).Name);
            }
            finally
            {
                registry.CloseAll(Loopback.Patience);
            }
        }

        [Theory]
        [InlineData("Server12")]
        [InlineData("server3")]
        public void A_chosen_name_cannot_pose_as_the_default_name_of_an_unnamed_server(string name)
        {
            var registry = new SocketRegistry();

            var error = Assert.Throws<ArgumentException>(() => registry.StartServer(Loopback0(name)));

            Assert.Contains("unnamed", error.Message);
            Assert.Empty(registry.Servers);
        }

        [Fact]
        public void A_connection_name_stays_taken_until_that_connection_is_closed_here()
        {
            var registry = new SocketRegistry();
            try
            {
                var server = registry.StartServer(Loopback0("Server-2"));
                var first = registry.Connect("127.0.0.1", server.LocalEndPoint.Port, new SocketClientOptions { Name = "svc" }, CancellationToken.None);
                Assert.Throws<ArgumentException>(() => registry.Connect("127.0.0.1", server.LocalEndPoint.Port, new SocketClientOptions { Name = "Connection9" }, CancellationToken.None));

                server.Stop();
                first.DrainUntilClosed();
                var again = registry.StartServer(Loopback0("Server-2"));
                Assert.Equal(SocketErrorKind.NameInUse, Assert.Throws<SocketChatException>(
                    () => registry.Connect("127.0.0.1", again.LocalEndPoint.Port, new SocketClientOptions { Name = "svc" }, CancellationToken.None)).Kind);

                registry.Remove(first);
                Assert.Equal("svc", registry.Connect("127.0.0.1", again.LocalEndPoint.Port, new SocketClientOptions { Name = "svc" }, CancellationToken.None).Name);
            }
            finally
            {
                registry.CloseAll(Loopback.Patience);
            }
        }

        [Fact]
        public void Closed_connections_stay_listed_with_their_reason_until_removed()
        {
            var registry = new SocketRegistry();
            try
            {
                var server = registry.StartServer(Loopback0());
                var mine = registry.Connect("127.0.0.1", server.LocalEndPoint.Port, new SocketClientOptions(), CancellationToken.None);
                server.Inbox.NextEvent(ConnectionEventKind.Connected);

                Assert.Single(server.Connections);
                server.Stop();
                mine.DrainUntilClosed();

                var closed = registry.Connections.Where(c => c.State == ConnectionState.Closed).ToList();
                Assert.Equal(CloseReason.PeerClosed, Assert.Single(closed).CloseReason);
                registry.Remove(mine);
                Assert.Empty(registry.Connections);
            }
            finally
            {
                registry.CloseAll(Loopback.Patience);
            }
        }

        [Fact]
        public void CloseAll_stops_every_server_closes_every_connection_and_frees_the_ports()
        {
            var registry = new SocketRegistry();
            var server = registry.StartServer(Loopback0());
            var port = server.LocalEndPoint.Port;
            var connection = registry.Connect("127.0.0.1", port, new SocketClientOptions(), CancellationToken.None);

            registry.CloseAll(Loopback.Patience);

            Assert.Equal(ServerState.Stopped, server.State);
            Assert.Equal(ConnectionState.Closed, connection.State);
            Assert.Empty(registry.Servers);
            Assert.Empty(registry.Connections);
            using var again = SocketServer.Start(new SocketServerOptions { Address = IPAddress.Loopback, Port = port });
            registry.CloseAll(Loopback.Patience);
        }

        [Fact]
        public void A_failed_connect_leaves_nothing_registered()
        {
            var registry = new SocketRegistry();
            var server = SocketServer.Start(Loopback0());
            var port = server.LocalEndPoint.Port;
            server.Stop();

            Assert.Throws<SocketChatException>(() => registry.Connect("127.0.0.1", port, new SocketClientOptions(), CancellationToken.None));

            Assert.Empty(registry.Connections);
        }

        [Fact]
        public void Closing_what_one_owner_opened_leaves_what_others_opened()
        {
            var registry = new SocketRegistry();
            var mine = registry.StartServer(new SocketServerOptions { Address = System.Net.IPAddress.Loopback, Port = 0 }, owner: "runspace A");
            var theirs = registry.StartServer(new SocketServerOptions { Address = System.Net.IPAddress.Loopback, Port = 0 }, owner: "runspace B");
            var myConnection = registry.Connect("127.0.0.1", theirs.Port, new SocketClientOptions(), owner: "runspace A", System.Threading.CancellationToken.None);
            var theirConnection = registry.Connect("127.0.0.1", mine.Port, new SocketClientOptions(), owner: "runspace B", System.Threading.CancellationToken.None);
            try
            {
                registry.CloseOwnedBy("runspace A", Loopback.Patience);

                Assert.Equal(ServerState.Stopped, mine.State);
                Assert.Equal(ConnectionState.Closed, myConnection.State);
                Assert.Equal(ServerState.Listening, theirs.State);
                Assert.Equal(new[] { theirs }, registry.Servers);
                Assert.Contains(theirConnection, registry.Connections);
                Assert.DoesNotContain(myConnection, registry.Connections);
            }
            finally
            {
                registry.CloseAll(Loopback.Patience);
            }

            Assert.Equal(ServerState.Stopped, theirs.State);
        }
    }
}
