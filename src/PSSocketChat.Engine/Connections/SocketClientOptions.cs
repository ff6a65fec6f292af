using System;
using System.Net;
using System.Threading.Tasks;

namespace PSSocketChat
{
    /// <summary>How <see cref="SocketConnection.ConnectAsync"/> reaches a server.</summary>
    public sealed class SocketClientOptions : ConnectionOptions
    {
        /// <summary>The whole connect, name resolution included, fails with a timeout error after this long.</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Name resolution; replaceable so tests can produce resolver failures without touching DNS.</summary>
        internal Func<string, Task<IPAddress[]>> ResolveHost { get; set; } = Dns.GetHostAddressesAsync;

        internal override void Validate()
        {
            base.Validate();
            RequirePositive(ConnectTimeout, nameof(ConnectTimeout), "The connect timeout");
        }
    }
}
