using System;
using System.Collections.Generic;
using System.Management.Automation;
using PSSocketChat.Module;

namespace PSSocketChat.Commands
{
    /// <summary>Close-SocketConnection: close connections in order (a server's client is disconnected). Idempotent.</summary>
    [Cmdlet(VerbsCommon.Close, "SocketConnection", SupportsShouldProcess = true, DefaultParameterSetName = ConnectionSet)]
    [OutputType(typeof(SocketConnection))]
    public sealed class CloseSocketConnectionCommand : SocketCmdlet
    {
        private const string ConnectionSet = "Connection";
        private const string NameSet = "Name";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ConnectionSet)]
        [ArgumentCompleter(typeof(ConnectionCompleter))]
        [ValidateNotNull]
        public SocketConnection[] Connection { get; set; } = Array.Empty<SocketConnection>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = IdSet)]
        [ArgumentCompleter(typeof(ConnectionIdCompleter))]
        public int[] Id { get; set; } = Array.Empty<int>();

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var connection in Targets())
            {
                if (!ShouldProcess($"{connection.Name} (id {connection.Id}, {connection.RemoteEndPoint})", "Close socket connection"))
                {
                    continue;
                }

                Registry.Remove(connection);
                WhileStoppable(() => connection.Close(CancelToken));
                WriteVerbose($"{connection.Name} (id {connection.Id}) closed: {connection.CloseReason.Describe(connection.CloseDetail)}.");
                if (PassThru)
                {
                    WriteObject(connection);
                }
            }
        }

        private IEnumerable<SocketConnection> Targets()
        {
            if (ParameterSetName == ConnectionSet)
            {
                return Connection;
            }

            return Found(Selection.Connections(Registry.Connections, ParameterSetName == NameSet ? Name : null, ParameterSetName == IdSet ? Id : null));
        }
    }
}
