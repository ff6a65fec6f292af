using System;
using System.Collections.Generic;
using System.Management.Automation;
using PSSocketChat.Module;

namespace PSSocketChat.Commands
{
    /// <summary>Stop-SocketServer: stop accepting, close the server's clients in order, free the port.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "SocketServer", SupportsShouldProcess = true, DefaultParameterSetName = ServerSet)]
    [OutputType(typeof(SocketServer))]
    public sealed class StopSocketServerCommand : SocketCmdlet
    {
        private const string ServerSet = "Server";
        private const string NameSet = "Name";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ServerSet)]
        [ArgumentCompleter(typeof(ServerCompleter))]
        [ValidateNotNull]
        public SocketServer[] Server { get; set; } = Array.Empty<SocketServer>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = IdSet)]
        [ArgumentCompleter(typeof(ServerIdCompleter))]
        public int[] Id { get; set; } = Array.Empty<int>();

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var server in Targets())
            {
                if (!ShouldProcess($"{server.Name} (id {server.Id}, {server.LocalEndPoint})", "Stop socket server"))
                {
                    continue;
                }

                var clients = server.ConnectionCount;
                WhileStoppable(() => server.Stop(CancelToken));
                WriteVerbose($"{server.Name} (id {server.Id}) stopped; {clients} client(s) disconnected; {server.LocalEndPoint} is free.");
                if (PassThru)
                {
                    WriteObject(server);
                }
            }
        }

        private IEnumerable<SocketServer> Targets()
        {
            if (ParameterSetName == ServerSet)
            {
                return Server;
            }

            return Found(Selection.Servers(Registry.Servers, ParameterSetName == NameSet ? Name : null, ParameterSetName == IdSet ? Id : null));
        }
    }
}
