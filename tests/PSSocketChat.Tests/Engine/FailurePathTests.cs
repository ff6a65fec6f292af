using System;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PSSocketChat.Tests.Engine
{
    /// <summary>What happens when something fails on the way: a send cancelled midway, the end of a connection, an accept.</summary>
    public class FailurePathTests
    {
        [Fact]
        public async Task A_send_cancelled_midway_resets_the_connection_and_says_why()
        {
            const int size = 48 * 1024 * 1024;
            using var pair = Loopback.ConnectToRawServer(o => { o.Framing = MessageFraming.LengthPrefixed; o.MaxMessageSize = size; });
            using var cancel = new CancellationTokenSource();

            // The peer reads nothing, so a message this large is still being written when the token is cancelled.
            var sending = pair.Client.SendAsync(new byte[size], cancel.Token);
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.WaitAsync(Loopback.Patience));
            pair.Client.DrainUntilClosed();
            Assert.Equal(CloseReason.Reset, pair.Client.CloseReason);
            Assert.Contains("a send was cancelled before it finished", pair.Client.CloseDetail);
        }

        [Fact]
        public async Task A_failure_while_ending_a_connection_still_ends_it_and_wakes_every_closer()
        {
            using var server = Loopback.StartServer();
            var client = Loopback.Connect(server);
            client.OnFinishingForTests = () => throw new InvalidOperationException("a fault in the finish path");

            await client.CloseAsync().WaitAsync(Loopback.Patience);
            await client.CloseAsync().WaitAsync(Loopback.Patience);

            Assert.Equal(ConnectionState.Closed, client.State);
            Assert.NotNull(client.ClosedAt);
            Assert.Equal(ConnectionEventKind.Disconnected, Assert.IsType<ConnectionEvent>(client.DrainUntilClosed().Last()).Kind);
        }

        [Fact]
        public void Failed_accepts_are_counted_and_reported_and_the_server_goes_on()
        {
            var failures = 0;
            using var server = Loopback.StartServer(o => o.Accept = listener =>
                Interlocked.Increment(ref failures) <= 3
                    ? Task.FromException<Socket>(new SocketException((int)SocketError.TooManyOpenSockets))
                    : listener.AcceptAsync());

            using var client = Loopback.Connect(server);
            var failed = Enumerable.Range(0, 3).Select(_ => server.Inbox.NextEvent(ConnectionEventKind.AcceptFailed)).ToList();
            server.Inbox.NextEvent(ConnectionEventKind.Connected);

            Assert.Equal(3, server.AcceptFailures);
            Assert.NotNull(server.LastAcceptFailure);
            Assert.All(failed, e => Assert.Null(e.Connection));
            Assert.All(failed, e => Assert.Equal(server.LocalEndPoint, e.RemoteEndPoint));
            Assert.Contains("accepting a client failed", failed[0].ToString());
            client.Send("sigo");
            Assert.Equal("sigo", server.Inbox.NextMessage().Text);
        }

        [Fact]
        public async Task Cancelling_a_stop_ends_the_wait_at_once_and_the_stop_goes_on()
        {
            // A client that never closes its side would hold the stop for the close timeout: ten minutes here, far past
            // the test's patience, so only the cancellation can end the wait in time.
            using var server = Loopback.StartServer(o => o.CloseTimeout = TimeSpan.FromMinutes(10));
            using var silent = Loopback.ConnectRaw(server);
            server.Inbox.NextEvent(ConnectionEventKind.Connected);
            using var cancel = new CancellationTokenSource();

            var stopping = Task.Run(() => server.Stop(cancel.Token));
            SpinWait.SpinUntil(() => server.State == ServerState.Stopping, Loopback.Patience);
            cancel.Cancel();

            // A TimeoutException here means the wait outlived the cancellation.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopping.WaitAsync(Loopback.Patience));
            Assert.Equal(ServerState.Stopping, server.State);
            silent.ShutdownSend();
            await server.StopAsync().WaitAsync(Loopback.Patience);
            Assert.Equal(ServerState.Stopped, server.State);
        }

        [Fact]
        public async Task Cancelling_a_close_ends_the_wait_at_once_and_the_close_goes_on()
        {
            using var pair = Loopback.ConnectToRawServer(o => o.CloseTimeout = TimeSpan.FromMinutes(10));
            using var cancel = new CancellationTokenSource();

            var closing = Task.Run(() => pair.Client.Close(cancel.Token));
            SpinWait.SpinUntil(() => pair.Client.State == ConnectionState.Closing, Loopback.Patience);
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => closing.WaitAsync(Loopback.Patience));
            Assert.Equal(ConnectionState.Closing, pair.Client.State);
            pair.Server.ShutdownSend();
            Assert.Equal(ConnectionEventKind.Disconnected, Assert.IsType<ConnectionEvent>(pair.Client.DrainUntilClosed().Last()).Kind);
        }

        [Fact]
        public async Task What_arrives_during_a_close_is_counted_and_named_never_delivered_unacknowledged()
        {
            using var server = Loopback.StartServer(o => o.InboxCapacity = 2);
            using var peer = Loopback.ConnectRaw(server);
            var connection = server.Inbox.NextEvent(ConnectionEventKind.Connected).Connection!;

            // Ten messages: two fit the inbox and are acknowledged; the receive loop waits for room with the third.
            peer.Send(string.Concat(Enumerable.Range(1, 10).Select(i => $"m{i}\n")));
            Assert.Equal(new[] { "Mensaje recibido", "Mensaje recibido" }, peer.ReadLines(2));
            SpinWait.SpinUntil(() => server.MessagesReceived == 2, Loopback.Patience);
            Assert.Equal(2, server.MessagesReceived);

            var closing = connection.CloseAsync();
            peer.Send("tarde\nsin fin");
            peer.ShutdownSend();

            Assert.Null(peer.ReadLine());
            await closing.WaitAsync(Loopback.Patience);
            Assert.Equal(12, connection.MessagesReceived);
            Assert.Equal(10, connection.MessagesDiscarded);
            Assert.Equal(2, (int)connection.MessagesSent);
            Assert.Contains("10 message(s) that arrived after the close began were discarded, unacknowledged", connection.CloseDetail);
            Assert.Equal(new[] { "m1", "m2" }, server.Inbox.NextTexts(2));
        }
    }
}
