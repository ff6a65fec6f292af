using System;
using System.Management.Automation;
using PSSocketChat.Module;

namespace PSSocketChat.Commands
{
    /// <summary>Get-SocketConnection: the connections this session opened and the clients of its servers.</summary>
    [Cmdlet(VerbsCommon.Get, "SocketConnection", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(SocketConnection))]
    public sealed class GetSocketConnectionCommand : SocketCmdlet
    {
        private const string NameSet = "Name";
        private const string IdSet = "Id";

        [Parameter(Position = 0, ParameterSetName = NameSet)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = IdSet)]
        [ArgumentCompleter(typeof(ConnectionIdCompleter))]
        public int[] Id { get; set; } = Array.Empty<int>();

        /// <summary>Only the clients of this server; a server piped in lists its clients.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(ServerCompleter))]
        public SocketServer? Server { get; set; }

        [Parameter]
        public ConnectionState[] State { get; set; } = Array.Empty<ConnectionState>();

        protected override void ProcessRecord()
        {
            WriteObject(Found(Selection.Connections(Server is null ? Registry.Connections : Server.Connections, Name, Id, State)), enumerateCollection: true);
        }
    }
}
