using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace PSSocketChat
{
    /// <summary>How a <see cref="SocketServer"/> listens and treats what it receives.</summary>
    public sealed class SocketServerOptions : ConnectionOptions
    {
        /// <summary>The address to listen on: IPv4 or IPv6; <c>::</c> also accepts IPv4 clients where the OS allows.</summary>
        public IPAddress Address { get; set; } = IPAddress.Any;

        /// <summary>The port to listen on; 0 (the default) lets the OS choose, and the server reports the real one. Hosts choose their own default.</summary>
        public int Port { get; set; }

        /// <summary>
        /// Text sent back, in the same framing, for every message received; null (the default) sends nothing. The
        /// seed's "Mensaje recibido" is the default of the hosts, which set it.
        /// </summary>
        public string? Acknowledgement { get; set; }

        /// <summary>Clients served at once; one more is disconnected as soon as it is accepted. Null for no limit.</summary>
        public int? MaxConnections { get; set; }

        /// <summary>Connections the OS may queue before the server accepts them.</summary>
        public int Backlog { get; set; } = 512;

        /// <summary>Takes the next client off the listener; replaceable so tests can make accepts fail.</summary>
        internal Func<Socket, Task<Socket>> Accept { get; set; } = listener => listener.AcceptAsync();

        internal override void Validate()
        {
            base.Validate();
            if (Address is null)
            {
                throw new ArgumentNullException(nameof(Address));
            }

            if (Port < IPEndPoint.MinPort || Port > IPEndPoint.MaxPort)
            {
                throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be between 0 and 65535.");
            }

            RequirePositive(Backlog, nameof(Backlog), "The backlog");
            if (MaxConnections is int max)
            {
                RequirePositive(max, nameof(MaxConnections), "The maximum number of connections");
            }
        }
    }
}
