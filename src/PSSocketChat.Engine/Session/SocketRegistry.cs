using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat
{
    /// <summary>
    /// Everything a session opened: its servers (and through them their clients) and the connections it made.
    /// Names are unique among what is open, so scripts can find things by name; closing and stopping take things out.
    /// </summary>
    public sealed class SocketRegistry
    {
        private readonly object _gate = new object();
        private readonly List<SocketServer> _servers = new List<SocketServer>();
        private readonly List<SocketConnection> _outbound = new List<SocketConnection>();

        // Who opened what: an opaque token the host chooses (the module uses the runspace's id), so that one of many
        // users of the process can close what it opened and leave the others' alone.
        private readonly Dictionary<object, object> _owners = new Dictionary<object, object>();

        /// <summary>Servers not yet stopped, by id.</summary>
        public SocketServer[] Servers
        {
            get
            {
                lock (_gate)
                {
                    foreach (var stopped in _servers.Where(s => s.State == ServerState.Stopped))
                    {
                        _owners.Remove(stopped);
                    }

                    _servers.RemoveAll(s => s.State == ServerState.Stopped);
                    return _servers.ToArray();
                }
            }
        }

        /// <summary>
        /// Connections this session opened (kept, with their close reason, until closed here) and the clients of its servers, by id.
        /// </summary>
        public SocketConnection[] Connections
        {
            get
            {
                SocketConnection[] outbound;
                lock (_gate)
                {
                    outbound = _outbound.ToArray();
                }

                return outbound.Concat(Servers.SelectMany(s => s.Connections)).OrderBy(c => c.Id).ToArray();
            }
        }

        /// <exception cref="SocketChatException">The name is taken, or the server cannot listen.</exception>
        public SocketServer StartServer(SocketServerOptions options) => StartServer(options, owner: null);

        /// <summary>Starts a server that <paramref name="owner"/> opened; see <see cref="CloseOwnedBy"/>.</summary>
        /// <exception cref="SocketChatException">The name is taken, or the server cannot listen.</exception>
        public SocketServer StartServer(SocketServerOptions options, object? owner)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            RequireNotDefaultName(options.Name, "Server");
            lock (_gate)
            {
                if (!string.IsNullOrEmpty(options.Name) && Servers.Any(s => NameEquals(s.Name, options.Name!)))
                {
                    throw NameInUse("server", options.Name!);
                }

                var server = SocketServer.Start(options);
                _servers.Add(server);
                Own(server, owner);
                return server;
            }
        }

        /// <exception cref="SocketChatException">The name is taken, or the connect failed.</exception>
        public SocketConnection Connect(string computerName, int port, SocketClientOptions options, CancellationToken cancellationToken) =>
            Connect(computerName, port, options, owner: null, cancellationToken);

        /// <summary>Opens a connection for <paramref name="owner"/>; see <see cref="CloseOwnedBy"/>.</summary>
        /// <exception cref="SocketChatException">The name is taken, or the connect failed.</exception>
        public SocketConnection Connect(string computerName, int port, SocketClientOptions options, object? owner, CancellationToken cancellationToken)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            RequireNotDefaultName(options.Name, "Connection");
            RequireFreeConnectionName(options.Name);
            var connection = SocketConnection.Connect(computerName, port, options, cancellationToken);
            try
            {
                lock (_gate)
                {
                    RequireFreeConnectionName(options.Name);
                    _outbound.Add(connection);
                    Own(connection, owner);
                }
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            return connection;
        }

        /// <summary>Forgets a connection this session opened, once the user has closed it.</summary>
        public void Remove(SocketConnection connection)
        {
            lock (_gate)
            {
                _outbound.Remove(connection);
                _owners.Remove(connection);
            }
        }

        /// <summary>
        /// Stops every server and closes every connection, all at once, waiting at most <paramref name="bound"/>:
        /// the module's cleanup when it is removed or the process exits.
        /// </summary>
        public void CloseAll(TimeSpan bound) => Close(_ => true, bound);

        /// <summary>
        /// Stops the servers and closes the connections that <paramref name="owner"/> opened, all at once, waiting at most
        /// <paramref name="bound"/>; what others opened goes on. The module's cleanup when one runspace removes it.
        /// </summary>
        public void CloseOwnedBy(object owner, TimeSpan bound) =>
            Close(item => _owners.TryGetValue(item, out var opener) && opener.Equals(owner), bound);

        private void Own(object item, object? owner)
        {
            if (owner != null)
            {
                _owners[item] = owner;
            }
        }

        private void Close(Func<object, bool> selected, TimeSpan bound)
        {
            SocketServer[] servers;
            SocketConnection[] outbound;
            lock (_gate)
            {
                servers = _servers.Where(s => selected(s)).ToArray();
                outbound = _outbound.Where(c => selected(c)).ToArray();
                _servers.RemoveAll(s => servers.Contains(s));
                _outbound.RemoveAll(c => outbound.Contains(c));
                foreach (var item in servers.Cast<object>().Concat(outbound))
                {
                    _owners.Remove(item);
                }
            }

            var closing = servers.Select(s => s.StopAsync()).Concat(outbound.Select(c => c.CloseAsync())).ToArray();
            try
            {
                Task.WaitAll(closing, bound);
            }
            catch (AggregateException)
            {
                // Cleanup must not fail the removal: whatever did not close in order is released with the process.
            }
        }

        private void RequireFreeConnectionName(string? name)
        {
            lock (_gate)
            {
                // Closed connections stay listed (with their reason) until closed here, so they keep their names too.
                if (!string.IsNullOrEmpty(name) && _outbound.Any(c => NameEquals(c.Name, name!)))
                {
                    throw NameInUse("connection", name!);
                }
            }
        }

        /// <summary>Server12 and Connection7 are what unnamed things are called; a chosen name must not pose as one.</summary>
        private static void RequireNotDefaultName(string? name, string prefix)
        {
            if (name != null
                && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && name.Length > prefix.Length
                && name.Skip(prefix.Length).All(char.IsDigit))
            {
                throw new ArgumentException(
                    $"Names like '{prefix}1' are given to unnamed {prefix.ToLowerInvariant()}s; choose another name than '{name}'.",
                    nameof(name));
            }
        }

        private static bool NameEquals(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        private static SocketChatException NameInUse(string noun, string name) => new SocketChatException(
            SocketErrorKind.NameInUse,
            $"A {noun} named '{name}' is already open in this session. Choose another name, or close the other {noun} first.",
            name);
    }
}
