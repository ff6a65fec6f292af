using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace PSSocketChat.Tests.Engine
{
    public class ConcurrencyTests
    {
        [Fact]
        public async Task Two_hundred_clients_sending_a_hundred_messages_each_are_all_received_once_in_order_and_acknowledged()
        {
            const int clientCount = 200;
            const int messagesEach = 100;
            using var server = Loopback.StartServer();
            var clients = Enumerable.Range(0, clientCount).Select(_ => Loopback.Connect(server)).ToList();
            try
            {
                var sending = clients.Select((client, c) => Task.Run(async () =>
                {
                    for (var m = 0; m < messagesEach; m++)
                    {
                        await client.SendAsync($"{c}:{m}");
                    }
                })).ToList();

                var received = new Dictionary<int, List<int>>();
                for (var i = 0; i < clientCount * messagesEach; i++)
                {
                    var message = server.Inbox.NextMessage();
                    var parts = message.Text.Split(':');
                    var client = int.Parse(parts[0]);
                    if (!received.TryGetValue(client, out var list))
                    {
                        received[client] = list = new List<int>();
                    }

                    list.Add(int.Parse(parts[1]));
                    Assert.Equal(list.Count, message.Sequence);
                }

                await Task.WhenAll(sending).WaitAsync(Loopback.Patience);
                Assert.Equal(clientCount, received.Count);
                Assert.All(received.Values, list => Assert.Equal(Enumerable.Range(0, messagesEach), list));
                Assert.False(server.Inbox.TryTake(out var extra), $"Unexpected extra item: {extra}");
                Assert.Equal(clientCount * messagesEach, server.MessagesReceived);

                foreach (var client in clients)
                {
                    Assert.All(client.Inbox.NextTexts(messagesEach), ack => Assert.Equal("Mensaje recibido", ack));
                }
            }
            finally
            {
                await Task.WhenAll(clients.Select(c => c.CloseAsync())).WaitAsync(Loopback.Patience);
            }
        }

        [Fact]
        public async Task Sends_from_many_threads_on_one_connection_never_interleave()
        {
            using var server = Loopback.StartServer(o => o.Acknowledgement = null);
            using var client = Loopback.Connect(server);
            const int threads = 8;
            const int messagesEach = 200;
            var payload = new string('x', 3000);

            // Taken while they are sent: 4.8 MB is more than the server's queue for one connection holds (1 MiB) plus
            // what TCP buffers, so senders that waited for all of it to be sent first would wait for ever.
            var sending = Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(async () =>
            {
                for (var m = 0; m < messagesEach; m++)
                {
                    await client.SendAsync($"{t}:{m}:{payload}");
                }
            })));

            var next = new int[threads];
            for (var i = 0; i < threads * messagesEach; i++)
            {
                var parts = server.Inbox.NextMessage().Text.Split(':');
                Assert.Equal(payload, parts[2]);
                var thread = int.Parse(parts[0]);
                Assert.Equal(next[thread]++, int.Parse(parts[1]));
            }

            await sending.WaitAsync(Loopback.Patience);
        }
    }
}
