using System.Linq;
using System.Text;
using Xunit;

namespace PSSocketChat.Tests.Engine
{
    public class AcknowledgementTests
    {
        [Fact]
        public void The_server_confirms_each_message_with_Mensaje_recibido_by_default()
        {
            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);

            client.Send("hola");
            client.Send("adiós");

            Assert.Equal(new[] { "hola", "adiós" }, server.Inbox.NextTexts(2));
            Assert.Equal(new[] { "Mensaje recibido", "Mensaje recibido" }, client.Inbox.NextTexts(2));
        }

        [Fact]
        public void A_received_message_carries_text_bytes_sender_time_and_sequence()
        {
            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);

            client.Send("uno");
            client.Send("dos");
            var first = server.Inbox.NextMessage();
            var second = server.Inbox.NextMessage();

            Assert.Equal("uno", first.Text);
            Assert.Equal(Encoding.UTF8.GetBytes("uno"), first.Bytes);
            Assert.Equal(client.LocalEndPoint, first.RemoteEndPoint);
            Assert.Equal(System.DateTimeKind.Utc, first.ReceivedAt.Kind);
            Assert.Equal(new long[] { 1, 2 }, new[] { first.Sequence, second.Sequence });
            Assert.Same(first.Connection, second.Connection);
            Assert.Equal(first.Connection.Id, first.ConnectionId);
            Assert.Equal(ConnectionDirection.Inbound, first.Connection.Direction);
            Assert.Same(server, first.Connection.Server);
        }

        [Fact]
        public void A_custom_acknowledgement_goes_out_in_the_servers_framing()
        {
            using var server = Loopback.StartServer(o =>
            {
                o.Framing = MessageFraming.LengthPrefixed;
                o.Acknowledgement = "recibido\ncon salto";
            });
            using var client = Loopback.Connect(server, o => o.Framing = MessageFraming.LengthPrefixed);

            client.Send("multi\nline");

            Assert.Equal("multi\nline", server.Inbox.NextMessage().Text);
            Assert.Equal("recibido\ncon salto", client.Inbox.NextMessage().Text);
        }

        [Fact]
        public void With_acknowledgement_switched_off_nothing_comes_back()
        {
            using var server = Loopback.StartServer(o => o.Acknowledgement = null);
            using var peer = Loopback.ConnectRaw(server);

            peer.Send("sin respuesta\n");
            Assert.Equal("sin respuesta", server.Inbox.NextMessage().Text);
            peer.ShutdownSend();

            Assert.True(peer.ReadsEndOfStream(), "The server sent something although acknowledgements were off.");
        }

        [Fact]
        public void Many_messages_in_one_read_are_acknowledged_in_fewer_writes_than_messages()
        {
            using var server = Loopback.StartServer();
            using var peer = Loopback.ConnectRaw(server);
            const int count = 100;

            peer.Send(string.Concat(Enumerable.Range(0, count).Select(i => $"m{i}\n")));

            Assert.All(peer.ReadLines(count), line => Assert.Equal("Mensaje recibido", line));

            // Counters move when a write returns, which can be after the peer has read it: let the connection end first.
            peer.ShutdownSend();
            var connection = server.Inbox.NextMessage().Connection;
            server.Inbox.NextTexts(count - 1);
            server.Inbox.NextEvent(ConnectionEventKind.Disconnected);
            Assert.Equal(count, connection.MessagesSent);
            Assert.True(connection.Writes < count, $"{connection.Writes} writes for {count} acknowledgements: they were not batched.");
        }
    }
}
