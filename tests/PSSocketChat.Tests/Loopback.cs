using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Xunit;

namespace PSSocketChat.Tests
{
    /// <summary>
    /// Servers, clients and raw peers on 127.0.0.1 with OS-chosen ports. Every wait is bounded by <see cref="Patience"/>:
    /// a bound that only a hung test reaches, never a timing the test depends on.
    /// </summary>
    internal static class Loopback
    {
        public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

        public static SocketServer StartServer(Action<SocketServerOptions>? configure = null)
        {
            // The hosts' default, which most tests check the wire against.
            var options = new SocketServerOptions { Address = IPAddress.Loopback, Port = 0, Acknowledgement = "Mensaje recibido" };
            configure?.Invoke(options);
            return SocketServer.Start(options);
        }

        public static SocketConnection Connect(SocketServer server, Action<SocketClientOptions>? configure = null)
        {
            var options = new SocketClientOptions();
            configure?.Invoke(options);
            return SocketConnection.Connect(server.LocalEndPoint.Address.ToString(), server.LocalEndPoint.Port, options);
        }

        public static RawPeer ConnectRaw(SocketServer server) => RawPeer.Connect(server.LocalEndPoint);

        /// <summary>
        /// An engine connection to a plain listening socket, as to `nc -l` or the seed's servidor.py: the connection,
        /// and the accepted socket as a raw peer that writes exactly what a test gives it.
        /// </summary>
        public static RawServerConnection ConnectToRawServer(Action<SocketClientOptions>? configure = null)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var options = new SocketClientOptions();
                configure?.Invoke(options);
                var client = SocketConnection.Connect("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port, options);
                return new RawServerConnection(client, RawPeer.Accepted(listener.AcceptSocket()));
            }
            finally
            {
                listener.Stop();
            }
        }

        /// <summary>The next item, message or event; fails the test if none comes within the patience bound.</summary>
        public static IInboxItem Next(this MessageInbox inbox)
        {
            Assert.True(inbox.TryTake(out var item, Patience, CancellationToken.None), "Nothing arrived in the inbox.");
            return item!;
        }

        /// <summary>The next message, passing over connection events (never over messages).</summary>
        public static SocketMessage NextMessage(this MessageInbox inbox)
        {
            while (true)
            {
                if (inbox.Next() is SocketMessage message)
                {
                    return message;
                }
            }
        }

        public static List<string> NextTexts(this MessageInbox inbox, int count)
        {
            var texts = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                texts.Add(inbox.NextMessage().Text);
            }

            return texts;
        }

        /// <summary>The next event of a kind, passing over other events; a message in between fails the test.</summary>
        public static ConnectionEvent NextEvent(this MessageInbox inbox, ConnectionEventKind kind)
        {
            while (true)
            {
                var item = inbox.Next();
                Assert.IsType<ConnectionEvent>(item);
                var connectionEvent = (ConnectionEvent)item;
                if (connectionEvent.Kind == kind)
                {
                    return connectionEvent;
                }
            }
        }

        /// <summary>
        /// Blocks a take on a thread of its own, cancels it from this one, and returns what the take threw;
        /// fails the test if the take does not return.
        /// </summary>
        public static Exception? CancelBlockedTake(this MessageInbox inbox)
        {
            using var cancel = new CancellationTokenSource();
            Exception? thrown = null;
            var taker = new Thread(() =>
            {
                try
                {
                    inbox.TryTake(out _, Timeout.InfiniteTimeSpan, cancel.Token);
                }
                catch (Exception e)
                {
                    thrown = e;
                }
            });
            taker.Start();

            cancel.Cancel();

            Assert.True(taker.Join(Patience), "The cancelled take did not return.");
            return thrown;
        }

        /// <summary>Waits until an outbound connection's inbox completes, which is when the connection has closed.</summary>
        public static List<IInboxItem> DrainUntilClosed(this SocketConnection connection)
        {
            var items = new List<IInboxItem>();
            while (connection.Inbox.TryTake(out var item, Patience, CancellationToken.None))
            {
                items.Add(item);
            }

            Assert.True(connection.Inbox.IsCompleted, "The connection did not close.");
            return items;
        }
    }

    /// <summary>An engine connection and, at its other end, a plain socket: see <see cref="Loopback.ConnectToRawServer"/>.</summary>
    internal sealed class RawServerConnection : IDisposable
    {
        public RawServerConnection(SocketConnection client, RawPeer server) => (Client, Server) = (client, server);

        public SocketConnection Client { get; }

        public RawPeer Server { get; }

        public void Dispose()
        {
            // The plain end first, so the connection's orderly close sees its FIN at once instead of waiting for it.
            Server.Dispose();
            Client.Dispose();
        }
    }

    /// <summary>A plain socket peer, as nc would be: exact bytes out, bytes and lines in, FIN or RST on demand.</summary>
    internal sealed class RawPeer : IDisposable
    {
        private readonly List<byte> _received = new List<byte>();
        private readonly byte[] _buffer = new byte[64 * 1024];

        private RawPeer(Socket socket) => Socket = socket;

        public Socket Socket { get; }

        public static RawPeer Connect(IPEndPoint endPoint)
        {
            var peer = Accepted(new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp));
            peer.Socket.Connect(endPoint);
            return peer;
        }

        /// <summary>A peer on a socket already connected (or about to be): every wait on it bounded by the patience.</summary>
        public static RawPeer Accepted(Socket socket)
        {
            socket.ReceiveTimeout = (int)Loopback.Patience.TotalMilliseconds;
            socket.SendTimeout = (int)Loopback.Patience.TotalMilliseconds;
            socket.NoDelay = true;
            return new RawPeer(socket);
        }

        public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

        public void Send(byte[] bytes)
        {
            var sent = 0;
            while (sent < bytes.Length)
            {
                sent += Socket.Send(bytes, sent, bytes.Length - sent, SocketFlags.None);
            }
        }

        /// <summary>Reads up to the next LF and returns the line without it; null at end of stream.</summary>
        public string? ReadLine()
        {
            while (true)
            {
                var lineFeed = _received.IndexOf((byte)'\n');
                if (lineFeed >= 0)
                {
                    var line = Encoding.UTF8.GetString(_received.GetRange(0, lineFeed).ToArray());
                    _received.RemoveRange(0, lineFeed + 1);
                    return line;
                }

                if (!Fill())
                {
                    return null;
                }
            }
        }

        public List<string> ReadLines(int count)
        {
            var lines = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var line = ReadLine();
                Assert.NotNull(line);
                lines.Add(line!);
            }

            return lines;
        }

        public byte[] ReadExactly(int count)
        {
            while (_received.Count < count)
            {
                Assert.True(Fill(), "The stream ended early.");
            }

            var bytes = _received.GetRange(0, count).ToArray();
            _received.RemoveRange(0, count);
            return bytes;
        }

        /// <summary>True when the peer's FIN arrives with nothing unread before it; fails on a reset.</summary>
        public bool ReadsEndOfStream() => _received.Count == 0 && !Fill();

        /// <summary>Sends FIN: the other side reads end of stream, and this peer can still read.</summary>
        public void ShutdownSend() => Socket.Shutdown(SocketShutdown.Send);

        /// <summary>Closes with RST instead of FIN, as a crashed program or a firewall would.</summary>
        public void Reset()
        {
            Socket.LingerState = new LingerOption(true, 0);
            Socket.Close();
        }

        public void Dispose() => Socket.Dispose();

        private bool Fill()
        {
            var read = Socket.Receive(_buffer);
            for (var i = 0; i < read; i++)
            {
                _received.Add(_buffer[i]);
            }

            return read > 0;
        }
    }
}
