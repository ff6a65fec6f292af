using System.Linq;
using Xunit;

namespace PSSocketChat.Tests.Engine
{
    public class ProtocolErrorTests
    {
        [Fact]
        public void An_oversized_line_closes_only_that_connection_with_the_reason_recorded()
        {
            using var server = Loopback.StartServer(o => o.MaxMessageSize = 16);
            using var offender = Loopback.ConnectRaw(server);
            using var neighbour = Loopback.Connect(server);

            offender.Send("valid\n" + new string('x', 17) + "\n");

            Assert.Equal("valid", server.Inbox.NextMessage().Text);
            Assert.Equal("Mensaje recibido", offender.ReadLine());
            var disconnected = Enumerable.Range(0, 10).Select(_ => server.Inbox.Next()).OfType<ConnectionEvent>()
                .First(e => e.Kind == ConnectionEventKind.Disconnected);
            Assert.Equal(CloseReason.ProtocolError, disconnected.Reason);
            Assert.Contains("maximum message size of 16 bytes", disconnected.Detail);
            Assert.Contains("protocol error", disconnected.ToString());

            neighbour.Send("todo bien");
            Assert.Equal("todo bien", server.Inbox.NextMessage().Text);
            Assert.Equal("Mensaje recibido", neighbour.Inbox.NextMessage().Text);
            Assert.Equal(ConnectionState.Open, neighbour.State);
        }

        [Fact]
        public void Invalid_UTF8_arrives_with_its_bytes_and_replacement_characters_and_the_connection_stays_open()
        {
            using var server = Loopback.StartServer();
            using var peer = Loopback.ConnectRaw(server);

            peer.Send(new byte[] { (byte)'o', 0xC0, 0xFF, (byte)'k', (byte)'\n' });

            var message = server.Inbox.NextMessage();
            Assert.Equal(new byte[] { (byte)'o', 0xC0, 0xFF, (byte)'k' }, message.Bytes);
            Assert.Equal("o\uFFFD\uFFFDk", message.Text);
            Assert.Equal("Mensaje recibido", peer.ReadLine());
            Assert.Equal(ConnectionState.Open, message.Connection.State);
        }

        [Fact]
        public void A_refused_send_loses_nothing_and_the_connection_goes_on()
        {
            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);

            var error = Assert.Throws<SocketChatException>(() => client.Send("dos\nlíneas"));
            client.Send("una línea");

            Assert.Equal(SocketErrorKind.InvalidMessage, error.Kind);
            Assert.Equal("una línea", server.Inbox.NextMessage().Text);
            Assert.Equal(1, client.MessagesSent);
        }
    }
}
