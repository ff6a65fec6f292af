using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat.Benchmarks.Load
{
    /// <summary>
    /// The floor every result is divided by: a server that speaks the same protocol (a line in, an acknowledgement out)
    /// with the same runtime and socket API as the engine, but makes no object per message. Per read it counts line
    /// feeds and answers all of them in one write, as the engine batches its acknowledgements; nothing is decoded,
    /// queued or handed to a consumer. What the engine costs beyond this is the price of its messages and inbox.
    /// </summary>
    internal static class FloorServer
    {
        private const int ReadSize = 16 * 1024;

        // Enough acknowledgements for any one read of 16 KiB (at most one line feed per byte).
        private static readonly byte[] Acknowledgements = Repeat(Wire.Acknowledgement, ReadSize);

        public static async Task<int> RunAsync(int port, CancellationToken cancellationToken)
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            listener.Listen(4096);
            Console.WriteLine($"listening on {listener.LocalEndPoint}");
            Console.Out.Flush();
            using var registration = cancellationToken.Register(listener.Dispose);
            while (!cancellationToken.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (SocketException)
                {
                    continue;
                }

                _ = Task.Run(() => ServeAsync(client));
            }

            return 0;
        }

        private static async Task ServeAsync(Socket client)
        {
            client.NoDelay = true;
            var buffer = new byte[ReadSize];
            try
            {
                while (true)
                {
                    var read = await client.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    var lines = buffer.AsSpan(0, read).Count((byte)'\n');
                    if (lines > 0)
                    {
                        await Connections.SendAllAsync(client, Acknowledgements.AsMemory(0, lines * Wire.Acknowledgement.Length)).ConfigureAwait(false);
                    }
                }

                client.Shutdown(SocketShutdown.Send);
            }
            catch (SocketException)
            {
                // The generator reset: nothing to answer.
            }
            finally
            {
                client.Dispose();
            }
        }

        private static byte[] Repeat(byte[] unit, int times)
        {
            var result = new byte[unit.Length * times];
            for (var i = 0; i < times; i++)
            {
                Buffer.BlockCopy(unit, 0, result, i * unit.Length, unit.Length);
            }

            return result;
        }
    }
}
