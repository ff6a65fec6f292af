using System.Linq;
using Xunit;

namespace PSSocketChat.Tests.Engine
{
    public class BinaryMessageTests
    {
        private static readonly byte[] EveryByte = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();

        [Theory]
        [InlineData(MessageFraming.LengthPrefixed)]
        [InlineData(MessageFraming.Raw)]
        public void Bytes_sent_arrive_exactly_and_the_sent_message_says_what_went_out(MessageFraming framing)
        {
            using var server = Loopback.StartServer(o => { o.Framing = framing; o.Acknowledgement = null; });
            using var client = Loopback.Connect(server, o => o.Framing = framing);

            var payload = (byte[])EveryByte.Clone();
            var sent = client.Send(payload);
            payload[0] = 42;

            sent.Bytes[1] = 9;
            Assert.Equal(EveryByte, sent.Bytes);
            Assert.Equal(256, sent.Length);
            Assert.Equal(System.DateTimeKind.Local, sent.SentAt.Kind);
            // Raw framing may hand one send over in several chunks; together they are exactly what went out.
            var received = new System.Collections.Generic.List<byte>();
            while (received.Count < EveryByte.Length)
            {
                received.AddRange(server.Inbox.NextMessage().Bytes);
            }

            Assert.Equal(EveryByte, received.ToArray());
        }

        [Fact]
        public void A_received_messages_bytes_sent_back_round_trip_exactly()
        {
            using var server = Loopback.StartServer(o => { o.Framing = MessageFraming.LengthPrefixed; o.Acknowledgement = null; });
            using var client = Loopback.Connect(server, o => o.Framing = MessageFraming.LengthPrefixed);
            client.Send(EveryByte);

            var received = server.Inbox.NextMessage();
            received.Connection.Send(received.Bytes);

            Assert.Equal(EveryByte, client.Inbox.NextMessage().Bytes);
        }

        [Fact]
        public void In_Line_framing_bytes_are_refused_only_when_they_hold_a_line_break()
        {
            using var server = Loopback.StartServer(o => o.Acknowledgement = null);
            using var client = Loopback.Connect(server);

            var error = Assert.Throws<SocketChatException>(() => client.Send(new byte[] { 1, 10, 2 }));
            client.Send(new byte[] { 0, 255, 7 });

            Assert.Equal(SocketErrorKind.InvalidMessage, error.Kind);
            Assert.Equal(new byte[] { 0, 255, 7 }, server.Inbox.NextMessage().Bytes);
        }

        [Fact]
        public void Text_sent_is_reported_with_its_bytes_in_the_connections_encoding()
        {
            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);

            var sent = client.Send("ñ");

            Assert.Equal(new byte[] { 0xC3, 0xB1 }, sent.Bytes);
            Assert.Equal(2, sent.Length);
        }
    }
}
