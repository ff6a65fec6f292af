using System;
using System.Linq;
using System.Threading;
using Xunit;

namespace PSSocketChat.Tests.Engine
{
    /// <summary>The rules Receive-SocketMessage follows, on real connections.</summary>
    public class InboxReaderTests
    {
        [Fact]
        public void By_default_it_takes_what_is_queued_now_and_returns()
        {
            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);
            SendAndWaitForAcknowledgements(client, "a", "b");

            var reader = new InboxReader(server.Inbox, new ReceiveRequest());
            var texts = reader.Read(CancellationToken.None).OfType<SocketMessage>().Select(m => m.Text).ToList();

            Assert.Equal(new[] { "a", "b" }, texts);
            Assert.Equal(ReceiveOutcome.QueueDrained, reader.Outcome);
            Assert.Null(reader.Shortfall);
        }

        [Fact]
        public void Count_returns_after_that_many_messages_and_leaves_the_rest()
        {
            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);
            SendAndWaitForAcknowledgements(client, "1", "2", "3");

            var reader = new InboxReader(server.Inbox, new ReceiveRequest { Count = 2 });
            var texts = reader.Read(CancellationToken.None).OfType<SocketMessage>().Select(m => m.Text).ToList();

            Assert.Equal(new[] { "1", "2" }, texts);
            Assert.Equal(ReceiveOutcome.CountReached, reader.Outcome);
            Assert.Equal("3", server.Inbox.NextMessage().Text);
        }

        [Fact]
        public void Falling_short_of_the_count_within_the_timeout_is_reported()
        {
            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);
            SendAndWaitForAcknowledgements(client, "solo");

            var reader = new InboxReader(server.Inbox, new ReceiveRequest { Count = 3, Timeout = TimeSpan.FromMilliseconds(50) });
            var messages = reader.Read(CancellationToken.None).OfType<SocketMessage>().ToList();

            Assert.Single(messages);
            Assert.Equal(ReceiveOutcome.TimedOut, reader.Outcome);
            Assert.True(reader.EndedShort);
            Assert.Equal(SocketErrorKind.ReceiveTimeout, reader.Shortfall!.Kind);
            Assert.Contains("1 of 3", reader.Shortfall.Message);
        }

        [Fact]
        public void A_connection_that_closes_before_the_count_is_reported_as_closed()
        {
            using var server = Loopback.StartServer(o => o.Acknowledgement = null);
            var client = Loopback.Connect(server);
            var serverSide = server.Inbox.NextEvent(ConnectionEventKind.Connected).Connection!;
            serverSide.Send("only one");
            serverSide.Close();

            var reader = new InboxReader(client.Inbox, new ReceiveRequest { Count = 3 });
            var messages = reader.Read(CancellationToken.None).OfType<SocketMessage>().ToList();

            Assert.Single(messages);
            Assert.Equal(ReceiveOutcome.SourceClosed, reader.Outcome);
            Assert.Equal(SocketErrorKind.ConnectionClosed, reader.Shortfall!.Kind);
            Assert.Contains("1 of 3", reader.Shortfall.Message);
        }

        [Fact]
        public void A_timeout_alone_waits_for_a_first_message_then_takes_what_is_queued()
        {
            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);

            var nothing = new InboxReader(client.Inbox, new ReceiveRequest { Timeout = TimeSpan.FromMilliseconds(30) });
            Assert.Empty(nothing.Read(CancellationToken.None));
            Assert.True(nothing.EndedShort);

            client.Send("x");
            client.Send("y");
            var reader = new InboxReader(client.Inbox, new ReceiveRequest { Timeout = Loopback.Patience });
            var first = reader.Read(CancellationToken.None).OfType<SocketMessage>().ToList();
            Assert.NotEmpty(first);
            Assert.Null(reader.Shortfall);
        }

        [Fact]
        public void Wait_streams_until_the_connection_closes_and_says_so()
        {
            using var server = Loopback.StartServer();
            var client = Loopback.Connect(server);
            client.Send("one");
            client.Send("two");

            var peerSide = new Thread(() =>
            {
                var connection = server.Inbox.NextMessage().Connection;
                server.Inbox.NextMessage();
                connection.Close();
            });
            peerSide.Start();
            var reader = new InboxReader(client.Inbox, new ReceiveRequest { Wait = true });
            var items = reader.Read(CancellationToken.None).ToList();

            Assert.Equal(2, items.OfType<SocketMessage>().Count());
            Assert.Equal(ConnectionEventKind.Disconnected, Assert.IsType<ConnectionEvent>(items.Last()).Kind);
            Assert.Equal(ReceiveOutcome.SourceClosed, reader.Outcome);
            Assert.Null(reader.Shortfall);
            Assert.True(peerSide.Join(Loopback.Patience));
        }

        [Fact]
        public void Wait_on_a_server_ends_when_it_stops_and_Once_ends_at_the_first_disconnect()
        {
            var server = Loopback.StartServer();
            using (var client = Loopback.Connect(server))
            {
                client.Send("hola");
            }

            var once = new InboxReader(server.Inbox, new ReceiveRequest { Wait = true, UntilFirstDisconnect = true });
            var items = once.Read(CancellationToken.None).ToList();
            Assert.Equal("hola", Assert.Single(items.OfType<SocketMessage>()).Text);
            Assert.Equal(ReceiveOutcome.FirstDisconnect, once.Outcome);

            var stopper = new Thread(() => server.Stop());
            stopper.Start();
            var streaming = new InboxReader(server.Inbox, new ReceiveRequest { Wait = true });
            Assert.Empty(streaming.Read(CancellationToken.None).OfType<SocketMessage>());
            Assert.Equal(ReceiveOutcome.SourceClosed, streaming.Outcome);
            Assert.True(stopper.Join(Loopback.Patience));
        }

        [Fact]
        public void Receiving_from_one_client_of_a_server_leaves_the_other_clients_messages_in_order()
        {
            using var server = Loopback.StartServer();
            using var ana = Loopback.Connect(server);
            using var luis = Loopback.Connect(server);
            SendAndWaitForAcknowledgements(ana, "ana 1");
            SendAndWaitForAcknowledgements(luis, "luis 1");
            SendAndWaitForAcknowledgements(ana, "ana 2");
            var luisOnServer = server.Connections.Single(c => c.RemoteEndPoint.Equals(luis.LocalEndPoint));

            var reader = new InboxReader(server.Inbox, new ReceiveRequest { From = luisOnServer });
            var fromLuis = reader.Read(CancellationToken.None).OfType<SocketMessage>().Select(m => m.Text).ToList();

            Assert.Equal(new[] { "luis 1" }, fromLuis);
            Assert.Equal(new[] { "ana 1", "ana 2" }, server.Inbox.NextTexts(2));
        }

        [Fact]
        public void Cancelling_a_streaming_read_throws_OperationCanceledException()
        {
            using var server = Loopback.StartServer();
            using var cancel = new CancellationTokenSource();
            var reader = new InboxReader(server.Inbox, new ReceiveRequest { Wait = true });
            cancel.Cancel();

            Assert.ThrowsAny<OperationCanceledException>(() => reader.Read(cancel.Token).ToList());
        }

        [Fact]
        public void A_request_that_makes_no_sense_is_refused()
        {
            var inbox = new MessageInbox(1);

            Assert.Throws<ArgumentOutOfRangeException>(() => new InboxReader(inbox, new ReceiveRequest { Count = 0 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => new InboxReader(inbox, new ReceiveRequest { Timeout = TimeSpan.FromSeconds(-1) }));
        }

        /// <summary>Sends, then waits for the acknowledgements: the server has queued every message by then.</summary>
        internal static void SendAndWaitForAcknowledgements(SocketConnection client, params string[] texts)
        {
            foreach (var text in texts)
            {
                client.Send(text);
            }

            client.Inbox.NextTexts(texts.Length);
        }

        [Fact]
        public void Every_outcome_has_words_of_its_own_not_its_name()
        {
            var outcomes = System.Enum.GetValues(typeof(ReceiveOutcome)).Cast<ReceiveOutcome>().ToList();
            var words = outcomes.Select(o => o.Describe()).ToList();

            Assert.Equal(outcomes.Count, words.Distinct().Count());
            Assert.All(outcomes, o => Assert.DoesNotContain(o.ToString(), o.Describe()));
        }
    }
}
