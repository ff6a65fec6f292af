using System;
using System.Threading;
using Xunit;

namespace PSSocketChat.Tests.Engine
{
    public class MessageInboxTests
    {
        [Fact]
        public void An_empty_inbox_returns_false_after_the_timeout()
        {
            var inbox = new MessageInbox(4);

            Assert.False(inbox.TryTake(out var item, TimeSpan.FromMilliseconds(20), CancellationToken.None));
            Assert.Null(item);
            Assert.False(inbox.TryTake(out _));
        }

        [Fact]
        public void Cancelling_a_blocked_take_ends_it_with_OperationCanceledException()
        {
            var inbox = new MessageInbox(4);

            Assert.IsAssignableFrom<OperationCanceledException>(inbox.CancelBlockedTake());
        }

        [Fact]
        public void Completing_wakes_a_blocked_take_which_returns_false()
        {
            var inbox = new MessageInbox(4);
            bool? result = null;
            var waiter = new Thread(() => result = inbox.TryTake(out _, Timeout.InfiniteTimeSpan, CancellationToken.None));
            waiter.Start();

            inbox.Complete();

            Assert.True(waiter.Join(Loopback.Patience), "Completion did not wake the take.");
            Assert.False(result);
            Assert.True(inbox.IsCompleted);
        }

        [Fact]
        public void An_already_cancelled_token_throws_even_when_items_wait()
        {
            var inbox = new MessageInbox(4);

            Assert.Throws<OperationCanceledException>(() => inbox.TryTake(out _, TimeSpan.Zero, new CancellationToken(canceled: true)));
        }

        [Fact]
        public void A_negative_timeout_other_than_infinite_is_refused()
        {
            var inbox = new MessageInbox(4);

            Assert.Throws<ArgumentOutOfRangeException>(() => inbox.TryTake(out _, TimeSpan.FromSeconds(-2), CancellationToken.None));
            Assert.Throws<ArgumentOutOfRangeException>(() => new MessageInbox(0));
        }

        [Fact]
        public void Clients_turned_away_fill_at_most_half_the_room_for_events_so_real_ones_still_fit()
        {
            var inbox = new MessageInbox(capacity: 8, eventCapacity: 4);
            var endPoint = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 1);

            for (var i = 0; i < 5; i++)
            {
                inbox.AddEvent(new ConnectionEvent(endPoint, "full", ConnectionEventKind.Rejected));
            }

            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);
            var connected = server.Inbox.NextEvent(ConnectionEventKind.Connected);
            inbox.AddEvent(connected);
            inbox.AddEvent(connected);

            Assert.Equal(3, inbox.DroppedEvents);
            var kinds = new System.Collections.Generic.List<ConnectionEventKind>();
            while (inbox.TryTake(out var item, System.TimeSpan.Zero, System.Threading.CancellationToken.None))
            {
                kinds.Add(((ConnectionEvent)item).Kind);
            }

            Assert.Equal(new[] { ConnectionEventKind.Rejected, ConnectionEventKind.Rejected, ConnectionEventKind.Connected, ConnectionEventKind.Connected }, kinds);
        }
    }
}
