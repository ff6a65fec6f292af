using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using PSSocketChat.Framing;

namespace PSSocketChat
{
    public sealed partial class SocketConnection
    {
        /// <summary>Connects to a server; see <see cref="ConnectAsync"/>.</summary>
        public static SocketConnection Connect(string computerName, int port, SocketClientOptions? options = null, CancellationToken cancellationToken = default) =>
            ConnectAsync(computerName, port, options, cancellationToken).GetAwaiter().GetResult();

        /// <summary>
        /// Connects to <paramref name="computerName"/> (a host name or an IP address) on <paramref name="port"/>,
        /// trying each address the name resolves to until one accepts, all within the connect timeout.
        /// </summary>
        /// <exception cref="SocketChatException">
        /// <see cref="SocketErrorKind.HostNotFound"/>, <see cref="SocketErrorKind.ConnectionRefused"/>,
        /// <see cref="SocketErrorKind.ConnectTimeout"/> or <see cref="SocketErrorKind.ConnectFailed"/>.
        /// </exception>
        /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
        public static async Task<SocketConnection> ConnectAsync(
            string computerName,
            int port,
            SocketClientOptions? options = null,
            CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(computerName))
            {
                throw new ArgumentException("A host name or IP address is required.", nameof(computerName));
            }

            if (port < 1 || port > IPEndPoint.MaxPort)
            {
                throw new ArgumentOutOfRangeException(nameof(port), port, "Port must be between 1 and 65535.");
            }

            options ??= new SocketClientOptions();
            options.Validate();
            var codec = MessageCodec.From(options);
            var target = $"{computerName}:{port}";

            // Numbered before the connect starts: when a session connects to its own server, its own end always has the
            // lower id, whatever the timing of the server's accept.
            var id = NextId();

            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(options.ConnectTimeout);
                var addresses = await ResolveAsync(computerName, options, target, deadline.Token, cancellationToken).ConfigureAwait(false);
                SocketChatException? lastError = null;
                foreach (var address in addresses)
                {
                    var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                    try
                    {
                        await WithDeadline(socket.ConnectAsync(address, port), deadline.Token, socket).ConfigureAwait(false);
                        var connection = new SocketConnection(
                            socket,
                            ConnectionDirection.Outbound,
                            codec,
                            options,
                            new MessageInbox(options.InboxCapacity, options.InboxByteCapacity),
                            server: null,
                            framedAcknowledgement: null,
                            id);
                        connection.Start();
                        return connection;
                    }
                    catch (SocketException e)
                    {
                        socket.Dispose();
                        lastError = SocketExceptionMapping.ForConnect(e, target);
                    }
                    catch (OperationCanceledException)
                    {
                        socket.Dispose();
                        cancellationToken.ThrowIfCancellationRequested();
                        throw SocketExceptionMapping.ForTimeout(target);
                    }
                }

                throw lastError ?? new SocketChatException(SocketErrorKind.HostNotFound, $"The host name '{computerName}' has no addresses.", computerName);
            }
        }

        private static async Task<IPAddress[]> ResolveAsync(
            string computerName,
            SocketClientOptions options,
            string target,
            CancellationToken deadline,
            CancellationToken cancellationToken)
        {
            if (IPAddress.TryParse(computerName, out var literal))
            {
                return new[] { literal };
            }

            try
            {
                return await WithDeadline(options.ResolveHost(computerName), deadline, resource: null).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw SocketExceptionMapping.ForResolve(e, computerName);
            }
            catch (OperationCanceledException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw SocketExceptionMapping.ForTimeout(target);
            }
        }

        /// <summary>
        /// netstandard2.0's connect and resolve take no token: race them against the deadline, release the socket
        /// on expiry (which ends the connect), and observe the abandoned task so its error is not left unobserved.
        /// </summary>
        private static async Task<T> WithDeadline<T>(Task<T> operation, CancellationToken deadline, IDisposable? resource)
        {
            await WithDeadline((Task)operation, deadline, resource).ConfigureAwait(false);
            return operation.Result;
        }

        private static async Task WithDeadline(Task operation, CancellationToken deadline, IDisposable? resource)
        {
            var expired = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (deadline.Register(() => expired.TrySetResult(true)))
            {
                if (await Task.WhenAny(operation, expired.Task).ConfigureAwait(false) != operation)
                {
                    resource?.Dispose();
                    _ = operation.ContinueWith(t => t.Exception, TaskScheduler.Default);
                    throw new OperationCanceledException(deadline);
                }
            }

            await operation.ConfigureAwait(false);
        }
    }
}
