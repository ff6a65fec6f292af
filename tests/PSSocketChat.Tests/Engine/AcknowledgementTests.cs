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
            Assert.Equal(System.DateTimeKind.Local, first.ReceivedAt.Kind);
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

        [Fact]
        public void An_acknowledgement_larger_than_the_maximum_message_size_is_named_as_the_acknowledgement()
        {
            var error = Assert.Throws<SocketChatException>(() => Loopback.StartServer(o => o.MaxMessageSize = 8));

            Assert.Equal(SocketErrorKind.MessageTooLarge, error.Kind);
            Assert.StartsWith("The acknowledgement 'Mensaje recibido' is 16 bytes, more than the maximum message size of 8 bytes", error.Message);
        }

        [Fact]
        public void An_acknowledgement_the_framing_cannot_carry_is_named_as_the_acknowledgement()
        {
            var error = Assert.Throws<SocketChatException>(() => Loopback.StartServer(o => o.Acknowledgement = "a\nb"));

            Assert.Equal(SocketErrorKind.InvalidMessage, error.Kind);
            Assert.Equal("The acknowledgement 'a\nb' cannot be sent in Line framing: it contains a line break, which would end it early. Choose a text of one line.", error.Message);
        }

        [Fact]
        public void The_server_tells_its_port_and_its_times_in_local_time()
        {
            using var server = Loopback.StartServer();

            Assert.NotEqual(0, server.Port);
            Assert.Equal(server.LocalEndPoint.Port, server.Port);
            Assert.Equal(System.DateTimeKind.Local, server.StartedAt.Kind);
            server.Stop();
            Assert.Equal(System.DateTimeKind.Local, server.StoppedAt!.Value.Kind);
        }

        [Fact]
        public async System.Threading.Tasks.Task A_message_taken_and_closed_on_at_once_is_still_acknowledged_before_the_close()
        {
            // The consumer races the acknowledgement: it takes the message and closes the connection at once. Repeated,
            // so that a gap between delivering and acknowledging shows; none may be left unacknowledged.
            using var server = Loopback.StartServer();
            for (var round = 0; round < 30; round++)
            {
                using var peer = Loopback.ConnectRaw(server);
                peer.Send("uno\ndos\n");
                var first = server.Inbox.NextMessage();
                var closing = first.Connection.CloseAsync();

                var acknowledgements = 0;
                while (peer.ReadLine() is string line)
                {
                    Assert.Equal("Mensaje recibido", line);
                    acknowledgements++;
                }

                peer.ShutdownSend();
                await closing.WaitAsync(Loopback.Patience);

                Assert.True(acknowledgements >= 1, $"Round {round}: the delivered message was not acknowledged.");
                Assert.Equal(acknowledgements, (int)first.Connection.MessagesSent);
                while (server.Inbox.TryTake(out _, System.TimeSpan.Zero, System.Threading.CancellationToken.None))
                {
                }
            }
        }
    }
}
