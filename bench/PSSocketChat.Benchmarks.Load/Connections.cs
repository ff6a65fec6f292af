using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat.Benchmarks.Load
{
    /// <summary>Opening, writing to and ending connections, the same way in every scenario and in the floor server.</summary>
    internal static class Connections
    {
        public static async Task<Socket> OpenAsync(IPEndPoint target, IPAddress? source = null)
        {
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                if (source != null)
                {
                    // Spreads the client ports over several loopback addresses, so closed connections waiting out
                    // TIME_WAIT cannot exhaust the ephemeral ports of later runs.
                    socket.Bind(new IPEndPoint(source, 0));
                }

                await socket.ConnectAsync(target).ConfigureAwait(false);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>Writes all of <paramref name="data"/>: a send may take only part of it.</summary>
        public static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data)
        {
            while (!data.IsEmpty)
            {
                var sent = await socket.SendAsync(data, SocketFlags.None).ConfigureAwait(false);
                data = data.Slice(sent);
            }
        }

        /// <summary>Sends our FIN and reads to the server's: any byte after the last acknowledgement is an extra one.</summary>
        public static async Task ExpectNothingMoreAsync(Socket socket, CancellationToken cancellationToken)
        {
            socket.Shutdown(SocketShutdown.Send);
            var buffer = new byte[64];
            var read = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read != 0)
            {
                throw new InvalidDataException($"{read} byte(s) after the last acknowledgement.");
            }
        }

        /// <summary>Sends one message and validates its one acknowledgement.</summary>
        public static async Task ExchangeAsync(Socket socket, ReadOnlyMemory<byte> message, byte[] buffer, CancellationToken cancellationToken)
        {
            await SendAllAsync(socket, message).ConfigureAwait(false);
            var acknowledgements = new AcknowledgementReader(Wire.Acknowledgement);
            var received = 0;
            while (received < Wire.Acknowledgement.Length)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(0, Wire.Acknowledgement.Length - received), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("The server closed before acknowledging.");
                }

                acknowledgements.Consume(buffer.AsSpan(0, read));
                received += read;
            }
        }
    }
}
