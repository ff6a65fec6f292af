using System.Linq;
using System.Threading;
using Xunit;

namespace PSSocketChat.Tests.Engine
{
    public class BackpressureTests
    {
        [Fact]
        public void A_consumer_slower_than_the_sender_loses_nothing_and_the_inbox_never_exceeds_its_bound()
        {
            const int capacity = 8;
            const int count = 5000;
            using var server = Loopback.StartServer(o =>
            {
                o.InboxCapacity = capacity;
                o.Acknowledgement = null;
            });
            using var peer = Loopback.ConnectRaw(server);
            var wire = string.Concat(Enumerable.Range(0, count).Select(i => $"{i:D6} {new string('p', 90)}\n"));

            // Everything is on its way before the consumer takes a single message.
            peer.Send(wire);
            Assert.True(SpinWait.SpinUntil(() => server.Inbox.Count == capacity, Loopback.Patience), "The inbox never filled.");
            var connection = server.Connections.Single();

            // Full inbox: the receive loop stopped reading, so most of the stream still waits in TCP buffers.
            Assert.True(connection.BytesReceived < wire.Length / 4, $"The engine read {connection.BytesReceived} of {wire.Length} bytes into memory.");

            for (var i = 0; i < count; i++)
            {
                Assert.True(server.Inbox.Count <= capacity);
                Assert.StartsWith($"{i:D6} ", server.Inbox.NextMessage().Text);
            }

            Assert.Equal(capacity, server.Inbox.PeakCount);
            Assert.Equal(wire.Length, connection.BytesReceived);
        }

        [Fact]
        public void An_idle_connection_holds_no_read_buffer_and_reads_again_when_data_comes()
        {
            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);
            client.Send("hola");
            Assert.Equal("Mensaje recibido", client.Inbox.NextMessage().Text);
            var onServer = server.Inbox.NextMessage().Connection;

            // Both ends have read all there was: each waits for data with a zero-byte read and no buffer of its own.
            Assert.True(SpinWait.SpinUntil(() => !onServer.HoldsReadBuffer && !client.HoldsReadBuffer, Loopback.Patience), "An idle connection kept its read buffer.");

            client.Send("otra vez");
            Assert.Equal("otra vez", server.Inbox.NextMessage().Text);
            Assert.Equal("Mensaje recibido", client.Inbox.NextMessage().Text);
        }
    }
}
