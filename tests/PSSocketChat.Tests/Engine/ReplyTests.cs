using System;
using System.Linq;
using Xunit;

namespace PSSocketChat.Tests.Engine
{
    public class ReplyTests
    {
        [Fact]
        public void Send_says_what_went_out()
        {
            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);

            var sent = client.Send("¿qué tal?");

            Assert.Equal("¿qué tal?", sent.Text);
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount("¿qué tal?"), sent.Length);
            Assert.Same(client, sent.Connection);
            Assert.Equal(server.LocalEndPoint.Port, sent.RemoteEndPoint.Port);
            Assert.Equal(DateTimeKind.Local, sent.SentAt.Kind);
        }

        [Fact]
        public void WaitForReply_returns_the_servers_answer()
        {
            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);

            client.Send("hola");

            Assert.Equal("Mensaje recibido", client.WaitForReply(Loopback.Patience).Text);
        }

        [Fact]
        public void WaitForReply_on_a_server_side_connection_takes_only_that_clients_message()
        {
            using var server = Loopback.StartServer(o => o.Acknowledgement = null);
            using var ana = Loopback.Connect(server);
            using var luis = Loopback.Connect(server);
            ana.Send("soy ana");
            var anaOnServer = server.Inbox.NextMessage().Connection;
            luis.Send("soy luis");

            anaOnServer.Send("¿y luis?");
            ana.Send("ahí está");

            Assert.Equal("ahí está", anaOnServer.WaitForReply(Loopback.Patience).Text);
            Assert.Equal("soy luis", server.Inbox.NextMessage().Text);
        }

        [Fact]
        public void No_reply_in_time_is_a_ReplyTimeout_error()
        {
            using var server = Loopback.StartServer(o => o.Acknowledgement = null);
            using var client = Loopback.Connect(server);
            client.Send("¿hay alguien?");

            var error = Assert.Throws<SocketChatException>(() => client.WaitForReply(TimeSpan.FromMilliseconds(50)));

            Assert.Equal(SocketErrorKind.ReplyTimeout, error.Kind);
            Assert.Same(client, error.Target);
        }

        [Fact]
        public void A_connection_closed_while_waiting_for_a_reply_is_a_ConnectionClosed_error()
        {
            var server = Loopback.StartServer(o => o.Acknowledgement = null);
            using var client = Loopback.Connect(server);
            server.Stop();

            var error = Assert.Throws<SocketChatException>(() => client.WaitForReply(Loopback.Patience));

            Assert.Equal(SocketErrorKind.ConnectionClosed, error.Kind);
        }

        [Fact]
        public void Exchange_is_one_turn_of_the_seed_client()
        {
            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);

            var replies = client.Exchange("hola", Loopback.Patience);

            Assert.Equal("Mensaje recibido", replies.Single().Text);
            Assert.Equal("hola", server.Inbox.NextMessage().Text);
        }

        [Fact]
        public void A_server_at_its_connection_limit_turns_the_next_client_away_and_keeps_serving()
        {
            using var server = Loopback.StartServer(o => o.MaxConnections = 1);
            using var first = Loopback.Connect(server);
            server.Inbox.NextEvent(ConnectionEventKind.Connected);
            using var second = Loopback.Connect(server);

            var turnedAway = second.DrainUntilClosed();

            Assert.Equal(CloseReason.PeerClosed, Assert.IsType<ConnectionEvent>(Assert.Single(turnedAway)).Reason);
            Assert.Equal(1, server.ConnectionsRejected);
            first.Send("sigo");
            Assert.Equal("sigo", server.Inbox.NextMessage().Text);
        }

        [Fact]
        public void A_client_turned_away_at_the_limit_is_reported_in_the_servers_inbox()
        {
            using var server = Loopback.StartServer(o => o.MaxConnections = 1);
            using var first = Loopback.Connect(server);
            server.Inbox.NextEvent(ConnectionEventKind.Connected);
            using var second = Loopback.Connect(server);

            var rejected = server.Inbox.NextEvent(ConnectionEventKind.Rejected);

            Assert.Null(rejected.Connection);
            Assert.Equal(second.LocalEndPoint.Port, rejected.RemoteEndPoint.Port);
            Assert.Contains("1 client(s), its maximum", rejected.Detail);
            Assert.Contains("turned away", rejected.ToString());
            Assert.Equal(1, server.ConnectionsRejected);
        }
    }
}
