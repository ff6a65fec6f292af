// Compiled by Measure-PipelineThroughput.ps1 with Add-Type -TypeDefinition. Kept to C# 5, the language of Windows
// PowerShell 5.1's Add-Type, so the benchmark is not tied to PowerShell 7.
using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChatBenchmark
{
    /// <summary>What the ceiling writes in place of a received message: the two properties consumers read.</summary>
    public sealed class PrebuiltMessage
    {
        private readonly string _text;
        private readonly byte[] _bytes;

        public PrebuiltMessage(string text, byte[] bytes)
        {
            _text = text;
            _bytes = bytes;
        }

        public string Text { get { return _text; } }

        public byte[] Bytes { get { return _bytes; } }

        public int Length { get { return _bytes.Length; } }

        public override string ToString()
        {
            return _text;
        }

        /// <summary>Built before any clock starts, each with its own payload array, as received messages have.</summary>
        public static object[] Build(int count, string text, byte[] payload)
        {
            var messages = new object[count];
            for (var i = 0; i < count; i++)
            {
                messages[i] = new PrebuiltMessage(text, (byte[])payload.Clone());
            }

            return messages;
        }
    }

    /// <summary>
    /// The ceiling of a receive: the fastest a cmdlet can hand objects to the same downstream, one WriteObject each
    /// from one ProcessRecord, as Receive-SocketMessage and Start-SocketServer -Wait write theirs.
    /// </summary>
    [Cmdlet(VerbsCommunications.Write, "PrebuiltObject")]
    public sealed class WritePrebuiltObjectCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public object[] InputObject { get; set; }

        /// <summary>Objects the last run wrote, for the benchmark to check.</summary>
        public static long LastWritten { get; private set; }

        protected override void ProcessRecord()
        {
            long written = 0;
            foreach (var item in InputObject)
            {
                WriteObject(item);
                written++;
            }

            LastWritten = written;
        }
    }

    /// <summary>
    /// The ceiling of a send: binds piped strings as Send-SocketMessage's Text parameter set declares them (the
    /// connection positional, the text from the pipeline or by property name) and drops them.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "DiscardedMessage")]
    public sealed class SendDiscardedMessageCommand : PSCmdlet
    {
        private long _consumed;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public object Connection { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Text")]
        [AllowEmptyString]
        public string[] Message { get; set; }

        /// <summary>Strings the last run consumed, for the benchmark to check.</summary>
        public static long LastConsumed { get; private set; }

        protected override void ProcessRecord()
        {
            _consumed += Message.Length;
        }

        protected override void EndProcessing()
        {
            LastConsumed = _consumed;
        }
    }

    /// <summary>The peers on the other end of the loopback, in C# so no PowerShell runs on their threads.</summary>
    public static class LoopbackPeer
    {
        private const int ChunkSize = 64 * 1024;

        /// <summary>
        /// Connects to 127.0.0.1:port, retrying every millisecond until something listens (a foreground server starts
        /// only when the pipeline under the clock does), writes count copies of line in chunks of whole lines, and
        /// closes. Every send gives up after the timeout, so a receiver that stops reading fails the task.
        /// </summary>
        public static Task SendLinesAsync(int port, int count, byte[] line, TimeSpan timeout, CancellationToken cancellationToken)
        {
            return Task.Run(() => SendLines(port, count, line, timeout, cancellationToken));
        }

        private static void SendLines(int port, int count, byte[] line, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var linesPerChunk = Math.Max(1, ChunkSize / line.Length);
            var chunk = new byte[linesPerChunk * line.Length];
            for (var i = 0; i < linesPerChunk; i++)
            {
                Buffer.BlockCopy(line, 0, chunk, i * line.Length, line.Length);
            }

            using (var socket = Connect(port, timeout, cancellationToken))
            {
                socket.SendTimeout = (int)timeout.TotalMilliseconds;
                var left = count;
                while (left > 0)
                {
                    var lines = Math.Min(left, linesPerChunk);
                    SendAll(socket, chunk, lines * line.Length);
                    left -= lines;
                }

                socket.Shutdown(SocketShutdown.Send);
            }
        }

        /// <summary>
        /// Connects once and closes after the delay, unless cancelled first: the disconnect that ends a
        /// Start-SocketServer -Once whose real client never came or never finished, so that wait is bounded too.
        /// </summary>
        public static Task DisconnectAfterAsync(int port, TimeSpan delay, CancellationToken cancellationToken)
        {
            return Task.Delay(delay, cancellationToken).ContinueWith(
                delayed =>
                {
                    if (delayed.IsCanceled)
                    {
                        return;
                    }

                    using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
                    {
                        try
                        {
                            socket.Connect(IPAddress.Loopback, port);
                        }
                        catch (SocketException)
                        {
                            // Nothing listens any more: the server has ended by itself.
                        }
                    }
                },
                TaskScheduler.Default);
        }

        /// <summary>A port free on 127.0.0.1 now, for a foreground server that cannot report the port it got.</summary>
        public static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                return ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            finally
            {
                listener.Stop();
            }
        }

        private static Socket Connect(int port, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Connect(IPAddress.Loopback, port);
                    return socket;
                }
                catch (SocketException e)
                {
                    socket.Dispose();
                    if (e.SocketErrorCode != SocketError.ConnectionRefused || clock.Elapsed > timeout)
                    {
                        throw;
                    }
                }

                Thread.Sleep(1);
            }
        }

        private static void SendAll(Socket socket, byte[] buffer, int count)
        {
            var sent = 0;
            while (sent < count)
            {
                sent += socket.Send(buffer, sent, count - sent, SocketFlags.None);
            }
        }
    }

    /// <summary>
    /// A receiver that only counts: accepts one connection on 127.0.0.1 and reads until end of stream. Past the
    /// timeout it closes its sockets, so a send that would wait for it forever fails instead.
    /// </summary>
    public sealed class DiscardingSink : IDisposable
    {
        private const int ChunkSize = 64 * 1024;

        private readonly TcpListener _listener;
        private readonly Timer _deadline;
        private Socket _client;
        private int _disposed;

        private DiscardingSink(TimeSpan timeout)
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start(1);
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _deadline = new Timer(state => ((DiscardingSink)state).Dispose(), this, timeout, Timeout.InfiniteTimeSpan);
            BytesRead = Task.Run(() => ReadAll());
        }

        public int Port { get; private set; }

        /// <summary>The bytes read up to end of stream; faulted when the deadline or an error came first.</summary>
        public Task<long> BytesRead { get; private set; }

        public static DiscardingSink Start(TimeSpan timeout)
        {
            return new DiscardingSink(timeout);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            _deadline.Dispose();
            _listener.Stop();
            var client = Interlocked.Exchange(ref _client, null);
            if (client != null)
            {
                client.Dispose();
            }
        }

        private long ReadAll()
        {
            var client = _listener.AcceptSocket();
            _listener.Stop();
            if (Interlocked.CompareExchange(ref _client, client, null) != null || Volatile.Read(ref _disposed) != 0)
            {
                client.Dispose();
                throw new ObjectDisposedException(GetType().Name);
            }

            var buffer = new byte[ChunkSize];
            long total = 0;
            int read;
            while ((read = client.Receive(buffer)) > 0)
            {
                total += read;
            }

            // Closing at once answers the sender's FIN, so its orderly close does not wait for this side.
            client = Interlocked.Exchange(ref _client, null);
            if (client != null)
            {
                client.Dispose();
            }

            return total;
        }
    }
}
