using System;
using System.Linq;
using System.Threading;
using Xunit;

namespace PSSocketChat.Tests.Engine
{
    /// <summary>
    /// Peers that end their messages without a line feed, as the classroom seed programs do (sendall of the bare text):
    /// what a Line-framed side does with their bytes, and that it never loses them silently.
    /// </summary>
    public class UnterminatedLineTests
    {
        [Fact]
        public void A_last_line_without_its_line_feed_is_delivered_marked_and_acknowledged_when_the_peer_closes()
        {
            using var server = Loopback.StartServer();
            using var peer = Loopback.ConnectRaw(server);

            peer.Send("entera\nsin fin\r");
            peer.ShutdownSend();

            var whole = server.Inbox.NextMessage();
            var last = server.Inbox.NextMessage();
            Assert.Equal(("entera", false), (whole.Text, whole.Unterminated));
            Assert.Equal(("sin fin", true), (last.Text, last.Unterminated));
            Assert.Equal(2, last.Sequence);
            Assert.Equal(new[] { "Mensaje recibido", "Mensaje recibido" }, peer.ReadLines(2));
            var disconnected = server.Inbox.NextEvent(ConnectionEventKind.Disconnected);
            Assert.Equal(CloseReason.PeerClosed, disconnected.Reason);
            Assert.Equal(0, last.Connection.PartialMessageBytes);
        }

        [Fact]
        public void An_outbound_connection_delivers_the_servers_last_unterminated_reply_too()
        {
            using var pair = Loopback.ConnectToRawServer();
            var (client, server) = (pair.Client, pair.Server);

            server.Send("Mensaje recibido");
            server.ShutdownSend();

            var items = client.DrainUntilClosed();
            var reply = Assert.Single(items.OfType<SocketMessage>());
            Assert.Equal(("Mensaje recibido", true), (reply.Text, reply.Unterminated));
        }

        [Fact]
        public void Part_of_a_length_prefixed_message_is_not_delivered_and_the_close_says_what_was_cut_off()
        {
            using var server = Loopback.StartServer(o => { o.Framing = MessageFraming.LengthPrefixed; o.Acknowledgement = null; });
            using var peer = Loopback.ConnectRaw(server);

            peer.Send(new byte[] { 0, 0, 0, 10, (byte)'a', (byte)'b', (byte)'c' });
            peer.ShutdownSend();

            var disconnected = server.Inbox.NextEvent(ConnectionEventKind.Disconnected);
            Assert.Equal(CloseReason.PeerClosed, disconnected.Reason);
            Assert.Contains("3 of its 10 bytes", disconnected.Detail);
            Assert.Contains("3 of its 10 bytes", disconnected.ToString());
            Assert.Equal(0, server.MessagesReceived);
        }

        [Fact]
        public void A_peer_that_sends_no_line_feed_and_pauses_is_reported_once_and_its_bytes_stay_waiting()
        {
            using var server = Loopback.StartServer(o => o.UnterminatedLineNotice = TimeSpan.FromMilliseconds(50));
            using var peer = Loopback.ConnectRaw(server);
            server.Inbox.NextEvent(ConnectionEventKind.Connected);

            peer.Send("hola");

            var notice = server.Inbox.NextEvent(ConnectionEventKind.UnterminatedLine);
            Assert.Equal(4, notice.PartialBytes);
            Assert.Equal(4, notice.Connection!.PartialMessageBytes);
            Assert.Contains("without a line feed", notice.ToString());
            Assert.Contains("Raw framing", notice.ToString());
            Assert.Equal(0, notice.Connection.MessagesReceived);

            // The bytes were only reported: the line feed still completes the message, with nothing lost or doubled.
            peer.Send(" mundo\n");
            var message = server.Inbox.NextMessage();
            Assert.Equal(("hola mundo", false), (message.Text, message.Unterminated));
            Assert.Equal("Mensaje recibido", peer.ReadLine());

            // Another pause mid-line, long enough for any second notice; none may come. The wait cannot make a correct
            // connection fail this test, only give a wrong one the time to show itself.
            peer.Send("otra vez");
            SpinWait.SpinUntil(() => notice.Connection.PartialMessageBytes == 8, Loopback.Patience);
            Thread.Sleep(TimeSpan.FromMilliseconds(300));
            peer.ShutdownSend();
            var rest = new System.Collections.Generic.List<IInboxItem>();
            while (!(rest.LastOrDefault() is ConnectionEvent { Kind: ConnectionEventKind.Disconnected }))
            {
                rest.Add(server.Inbox.Next());
            }

            Assert.Equal("otra vez", Assert.Single(rest.OfType<SocketMessage>()).Text);
            Assert.DoesNotContain(rest, i => i is ConnectionEvent { Kind: ConnectionEventKind.UnterminatedLine });
        }

        [Fact]
        public void No_notice_in_Raw_framing_or_when_switched_off()
        {
            using var raw = Loopback.StartServer(o => { o.Framing = MessageFraming.Raw; o.UnterminatedLineNotice = TimeSpan.FromMilliseconds(1); });
            using var off = Loopback.StartServer(o => o.UnterminatedLineNotice = null);
            using var rawPeer = Loopback.ConnectRaw(raw);
            using var offPeer = Loopback.ConnectRaw(off);

            rawPeer.Send("hola");
            offPeer.Send("hola");
            rawPeer.ShutdownSend();
            offPeer.ShutdownSend();

            var rawItems = Enumerable.Range(0, 3).Select(_ => raw.Inbox.Next()).ToList();
            var offItems = Enumerable.Range(0, 3).Select(_ => off.Inbox.Next()).ToList();
            foreach (var items in new[] { rawItems, offItems })
            {
                Assert.DoesNotContain(items, i => i is ConnectionEvent { Kind: ConnectionEventKind.UnterminatedLine });
                Assert.Equal("hola", Assert.Single(items.OfType<SocketMessage>()).Text);
            }
        }

        [Fact]
        public void A_reply_that_never_ends_its_line_makes_the_timeout_say_why()
        {
            using var pair = Loopback.ConnectToRawServer();
            var (client, server) = (pair.Client, pair.Server);
            server.Send("Mensaje recibido");
            SpinWait.SpinUntil(() => client.PartialMessageBytes == 16, Loopback.Patience);

            var error = Assert.Throws<SocketChatException>(() => client.WaitForReply(TimeSpan.FromMilliseconds(100)));

            Assert.Equal(SocketErrorKind.ReplyTimeout, error.Kind);
            Assert.Contains("16 byte(s) did arrive, but without a line feed", error.Message);
            Assert.Contains("Raw framing", error.Message);
            Assert.Equal(16, client.BytesReceived);
        }

        [Fact]
        public void In_Raw_framing_the_seed_servers_reply_is_a_message_at_once()
        {
            using var pair = Loopback.ConnectToRawServer(o => o.Framing = MessageFraming.Raw);
            var (client, server) = (pair.Client, pair.Server);

            client.Send("hola");
            Assert.Equal("hola", System.Text.Encoding.UTF8.GetString(server.ReadExactly(4)));
            server.Send("Mensaje recibido");

            Assert.Equal("Mensaje recibido", client.WaitForReply(Loopback.Patience).Text);
        }
    }
}
