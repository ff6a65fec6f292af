using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PSSocketChat.Tests.Engine
{
    /// <summary>
    /// D1: every connection has a bounded queue of its own, so a client that fills its queue pauses only itself. A
    /// quiet client's message is delivered and acknowledged at once, taking from it never waits behind the flooder,
    /// and the whole inbox serves both in turn.
    /// </summary>
    public class PerConnectionQueueTests
    {
        private const int Capacity = 4;

        [Fact]
        public void Taking_from_one_client_never_waits_behind_another_that_filled_its_queue()
        {
            using var server = Loopback.StartServer(o => o.InboxCapacity = Capacity);
            using var flooder = Loopback.Connect(server);
            var flooderOnServer = Flood(server, flooder);

            var (quiet, quietOnServer) = SendBesideTheFlood(server, "soy b");

            using var _ = quiet;
            var taken = TakeFrom(server, quietOnServer, count: 1);
            Assert.Equal(new[] { "soy b" }, taken);
            Assert.Equal(Capacity, flooderOnServer.QueuedMessages);
        }

        [Fact]
        public void WaitForReply_on_a_server_side_connection_is_not_starved_by_another_client()
        {
            using var server = Loopback.StartServer(o => o.InboxCapacity = Capacity);
            using var flooder = Loopback.Connect(server);
            Flood(server, flooder);
            var (quiet, quietOnServer) = SendBesideTheFlood(server, "primero");
            using var _ = quiet;

            var reply = quietOnServer.WaitForReply(Loopback.Patience);

            Assert.Equal("primero", reply.Text);
        }

        [Fact]
        public void The_whole_inbox_serves_the_clients_with_something_waiting_in_turn()
        {
            using var server = Loopback.StartServer(o => o.InboxCapacity = Capacity);
            using var flooder = Loopback.Connect(server);
            Flood(server, flooder);
            using var _ = SendBesideTheFlood(server, "soy b").Client;

            // Turns: the flooder's arrival, the quiet client's, the flooder's first message, then the quiet one's, long
            // before the flooder's queue (and the 100 lines behind it) is drained.
            var order = new List<string>();
            for (var i = 0; i < 4; i++)
            {
                var item = server.Inbox.Next();
                order.Add(item is SocketMessage message ? message.Text : ((ConnectionEvent)item).Kind.ToString());
            }

            Assert.Equal(new[] { "Connected", "Connected", "a000", "soy b" }, order);
        }

        [Fact]
        public void A_connection_whose_items_were_all_taken_directly_leaves_the_turns_of_the_inbox()
        {
            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);
            var (quiet, quietOnServer) = SendBesideTheFlood(server, "hola");
            using var quietClient = quiet;
            var clientOnServer = OnServer(server, client);

            // Each client's arrival, and the message, taken from its own connection: nothing is left waiting, so no
            // connection may be left in the turns either (a server read only per connection would keep them all).
            Assert.True(server.Inbox.TryTake(out _, clientOnServer, Loopback.Patience, CancellationToken.None));
            Assert.Equal(new[] { "hola" }, TakeFrom(server, quietOnServer, count: 1));

            Assert.Equal(0, server.Inbox.ReadyCountForTests);
            Assert.False(server.Inbox.TryTake(out _));
        }

        [Fact]
        public async Task A_full_queue_pauses_its_connection_until_the_consumer_takes_it_down_to_half()
        {
            var inbox = new MessageInbox(capacity: 4);
            var source = inbox.OpenSource();
            for (var i = 0; i < 4; i++)
            {
                Assert.True(inbox.TryAdd(source, Message(10)));
            }

            Assert.False(inbox.TryAdd(source, Message(10)));
            var waiting = inbox.AddAsync(source, Message(10), CancellationToken.None);
            Assert.False(waiting.IsCompleted);

            // One free slot is not enough: the receive loop would wake, and read, once per message taken.
            Assert.True(inbox.TryTake(out _));
            Assert.False(waiting.IsCompleted);

            Assert.True(inbox.TryTake(out _));
            await waiting.WaitAsync(Loopback.Patience);
            Assert.Equal(3, inbox.Count);
        }

        [Fact]
        public void A_queue_is_bounded_in_bytes_as_well_and_one_message_larger_than_that_goes_through_alone()
        {
            var inbox = new MessageInbox(capacity: 100, byteCapacity: 100);
            var source = inbox.OpenSource();

            Assert.True(inbox.TryAdd(source, Message(40)));
            Assert.True(inbox.TryAdd(source, Message(40)));
            Assert.False(inbox.TryAdd(source, Message(40)));
            Assert.Equal(80, inbox.ByteCount);

            inbox.TryTake(out _);
            inbox.TryTake(out _);
            Assert.True(inbox.TryAdd(source, Message(500)));
            Assert.False(inbox.TryAdd(source, Message(1)));
        }

        [Fact]
        public void One_connection_paused_leaves_another_of_the_same_inbox_room()
        {
            var inbox = new MessageInbox(capacity: 2);
            var full = inbox.OpenSource();
            var other = inbox.OpenSource();
            inbox.TryAdd(full, Message(1));
            inbox.TryAdd(full, Message(1));

            Assert.False(inbox.TryAdd(full, Message(1)));
            Assert.True(inbox.TryAdd(other, Message(1)));
            Assert.True(inbox.TryAdd(other, Message(1)));
        }

        [Fact]
        public async Task A_wait_for_room_ends_when_its_token_is_cancelled_and_adds_nothing()
        {
            var inbox = new MessageInbox(capacity: 1);
            var source = inbox.OpenSource();
            inbox.TryAdd(source, Message(1));
            using var cancel = new CancellationTokenSource();
            var waiting = inbox.AddAsync(source, Message(1), cancel.Token);

            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Loopback.Patience));
            Assert.Equal(1, inbox.Count);
        }

        [Fact]
        public void Queued_counters_and_the_byte_bound_are_the_connection_options()
        {
            using var server = Loopback.StartServer(o =>
            {
                o.InboxCapacity = 3;
                o.InboxByteCapacity = 5000;
                o.Acknowledgement = null;
            });
            using var peer = Loopback.ConnectRaw(server);
            peer.Send(string.Concat(Enumerable.Range(0, 50).Select(i => $"{i:D3}\n")));

            var connection = server.Inbox.NextEvent(ConnectionEventKind.Connected).Connection!;
            Assert.True(SpinWait.SpinUntil(() => connection.QueuedMessages == 3, Loopback.Patience), "The connection's queue never filled.");
            Assert.Equal(9, connection.QueuedBytes);
            Assert.Equal(5000, server.Inbox.ByteCapacity);
            Assert.Throws<ArgumentOutOfRangeException>(() => Loopback.StartServer(o => o.InboxByteCapacity = 0));
        }

        [Fact]
        public async Task A_consumer_waiting_without_a_timeout_is_always_woken_while_producers_race_it()
        {
            // Two producers add and wake while one consumer takes and waits, over and over: a wake-up lost between them
            // would leave the consumer asleep with items queued, and the take below would end at the patience bound.
            const int perProducer = 50_000;
            var inbox = new MessageInbox(capacity: 64);
            var sources = new[] { inbox.OpenSource(), inbox.OpenSource() };
            var producers = sources.Select(source => Task.Run(async () =>
            {
                for (var i = 0; i < perProducer; i++)
                {
                    await inbox.AddAsync(source, Message(1), CancellationToken.None);
                }
            })).ToArray();

            for (var taken = 0; taken < 2 * perProducer; taken++)
            {
                using var patience = new CancellationTokenSource(Loopback.Patience);
                Assert.True(inbox.TryTake(out _, Timeout.InfiniteTimeSpan, patience.Token), "The inbox completed early.");
            }

            await Task.WhenAll(producers).WaitAsync(Loopback.Patience);
            Assert.Equal(0, inbox.Count);
        }

        [Fact]
        public void A_wake_that_finds_its_waiter_gone_leaves_no_mark_that_would_silence_the_next_one()
        {
            // The waiter seen by a wake-up leaves (woken by another) before that wake-up takes the lock. Were the wake
            // to mark the inbox "woken" anyway, with nobody left to clear the mark, every later wake would be skipped
            // and the consumer below would sleep with an item waiting.
            var inbox = new MessageInbox(capacity: 8);
            var source = inbox.OpenSource();
            var taken = new BlockingCollection<IInboxItem>();
            using var takeAgain = new ManualResetEventSlim();
            var consumer = new Thread(() =>
            {
                // Longer than the test's own bound below, so only a wake-up, never this, ends the consumer's wait in time.
                using var patience = new CancellationTokenSource(Loopback.Patience + Loopback.Patience);
                for (var i = 0; i < 2; i++)
                {
                    if (i == 1 && !takeAgain.Wait(Loopback.Patience))
                    {
                        return;
                    }

                    try
                    {
                        if (inbox.TryTake(out var item, Timeout.InfiniteTimeSpan, patience.Token))
                        {
                            taken.Add(item);
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            });
            consumer.Start();
            Assert.True(SpinWait.SpinUntil(() => inbox.WaiterCountForTests == 1, Loopback.Patience), "The consumer never waited.");

            inbox.TryAddRange(source, new List<SocketMessage> { Message(1) }, 0);
            inbox.OnWakeForTests = () =>
            {
                inbox.OnWakeForTests = null;

                // Another wake-up gets there first: the consumer wakes, takes the item and leaves the inbox.
                inbox.Wake();
                Assert.True(taken.TryTake(out _, Loopback.Patience), "The first wake-up did not reach the consumer.");
            };
            inbox.Wake();

            // The consumer comes back and waits; an item comes, and its wake-up must reach it.
            takeAgain.Set();
            Assert.True(SpinWait.SpinUntil(() => inbox.WaiterCountForTests == 1, Loopback.Patience), "The consumer did not wait again.");
            inbox.TryAddRange(source, new List<SocketMessage> { Message(1) }, 0);
            inbox.Wake();

            Assert.True(taken.TryTake(out _, Loopback.Patience), "The consumer slept with an item waiting: a wake-up was lost.");
            Assert.True(consumer.Join(Loopback.Patience + Loopback.Patience));
        }

        /// <summary>
        /// 100 lines from the client; returns once the server has queued <see cref="Capacity"/> of them, so its queue is
        /// full and its reads are paused.
        /// </summary>
        private static SocketConnection Flood(SocketServer server, SocketConnection flooder)
        {
            for (var i = 0; i < 100; i++)
            {
                flooder.Send($"a{i:D3}");
            }

            var onServer = OnServer(server, flooder);
            Assert.True(SpinWait.SpinUntil(() => onServer.QueuedMessages == Capacity, Loopback.Patience), "The flooder's queue never filled.");
            return onServer;
        }

        /// <summary>
        /// A second client's message, sent while the flooder's queue is full: returns once it is acknowledged, which
        /// the server does only once the message is delivered, as if the flooder were not there.
        /// </summary>
        private static (SocketConnection Client, SocketConnection OnServer) SendBesideTheFlood(SocketServer server, string text)
        {
            var quiet = Loopback.Connect(server);
            quiet.Send(text);
            Assert.Equal("Mensaje recibido", quiet.Inbox.NextMessage().Text);
            return (quiet, OnServer(server, quiet));
        }

        private static SocketConnection OnServer(SocketServer server, SocketConnection client)
        {
            SocketConnection? found = null;
            Assert.True(
                SpinWait.SpinUntil(() => (found = server.Connections.FirstOrDefault(c => c.RemoteEndPoint.Equals(client.LocalEndPoint))) != null, Loopback.Patience),
                "The server never accepted the client.");
            return found!;
        }

        private static List<string> TakeFrom(SocketServer server, SocketConnection from, int count)
        {
            var reader = new InboxReader(server.Inbox, new ReceiveRequest { From = from, Count = count, Timeout = Loopback.Patience });
            return reader.Read(CancellationToken.None).OfType<SocketMessage>().Select(m => m.Text).ToList();
        }

        private static SocketMessage Message(int length) =>
            new SocketMessage(null!, 1, new byte[length], DateTime.UtcNow, PSSocketChat.Framing.MessageCodec.From(new SocketClientOptions()));
    }
}
