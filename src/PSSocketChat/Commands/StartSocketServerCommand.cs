using System.Management.Automation;
using PSSocketChat.Module;

namespace PSSocketChat.Commands
{
    /// <summary>Start-SocketServer: listen in the background (returns the server) or in the foreground with -Wait.</summary>
    [Cmdlet(VerbsLifecycle.Start, "SocketServer", SupportsShouldProcess = true, DefaultParameterSetName = BackgroundSet)]
    [OutputType(typeof(SocketServer), ParameterSetName = new[] { BackgroundSet })]
    [OutputType(typeof(SocketMessage), ParameterSetName = new[] { WaitSet })]
    public sealed class StartSocketServerCommand : SocketCmdlet
    {
        private const string BackgroundSet = "Background";
        private const string WaitSet = "Wait";

        [Parameter(Position = 0)]
        [ValidateRange(0, 65535)]
        public int Port { get; set; } = SeedDefaults.Port;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string IPAddress { get; set; } = "0.0.0.0";

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public MessageFraming Framing { get; set; } = MessageFraming.Line;

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EncodingCompleter))]
        public string Encoding { get; set; } = "utf8";

        [Parameter]
        [AllowEmptyString]
        public string Acknowledgement { get; set; } = SeedDefaults.Acknowledgement;

        [Parameter]
        public SwitchParameter NoAcknowledgement { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxMessageSize { get; set; } = ConnectionOptions.DefaultMaxMessageSize;

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxConnections { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = WaitSet)]
        public SwitchParameter Wait { get; set; }

        [Parameter(ParameterSetName = WaitSet)]
        public SwitchParameter Once { get; set; }

        protected override void ProcessRecord()
        {
            var server = StartServer();
            if (server is null)
            {
                return;
            }

            WriteVerbose($"{server.Name} (id {server.Id}) listening on {server.LocalEndPoint}.");
            if (Wait)
            {
                Serve(server);
            }
            else
            {
                WriteObject(server);
            }
        }

        private SocketServer? StartServer()
        {
            SocketServer? server = null;
            TryEngine(
                () =>
                {
                    var options = new SocketServerOptions
                    {
                        Address = ListenAddress.Parse(IPAddress),
                        Port = Port,
                        Name = Name,
                        Framing = Framing,
                        Encoding = TextEncodings.Resolve(Encoding),
                        Acknowledgement = NoAcknowledgement ? null : Acknowledgement,
                        MaxMessageSize = MaxMessageSize,
                        MaxConnections = MyInvocation.BoundParameters.ContainsKey(nameof(MaxConnections)) ? MaxConnections : (int?)null,
                    };
                    server = ShouldProcess($"{options.Address}:{Port}", "Start socket server") ? Registry.StartServer(options, ModuleState.CurrentOwner) : null;
                },
                $"{IPAddress}:{Port}",
                terminating: true);
            return server;
        }

        /// <summary>A foreground server lives as long as the command: Ctrl+C, -Once or Stop-SocketServer end both.</summary>
        private void Serve(SocketServer server)
        {
            try
            {
                WriteReceived(new InboxReader(server.Inbox, new ReceiveRequest { Wait = true, UntilFirstDisconnect = Once }));
            }
            finally
            {
                WhileStoppable(() => server.Stop(CancelToken));
            }

            WriteVerbose($"{server.Name} stopped; {server.MessagesReceived} message(s) from {server.ConnectionsAccepted} client(s).");
        }
    }
}
