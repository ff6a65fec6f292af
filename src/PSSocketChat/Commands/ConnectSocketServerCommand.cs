using System;
using System.Management.Automation;
using PSSocketChat.Module;

namespace PSSocketChat.Commands
{
    /// <summary>Connect-SocketServer: open a TCP connection to a server and return it.</summary>
    [Cmdlet(VerbsCommunications.Connect, "SocketServer")]
    [OutputType(typeof(SocketConnection))]
    public sealed class ConnectSocketServerCommand : SocketCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CN", "HostName")]
        [ValidateNotNullOrEmpty]
        [PlainTextTransformation]
        public string ComputerName { get; set; } = "localhost";

        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 65535)]
        public int Port { get; set; } = SeedDefaults.Port;

        [Parameter]
        [TimeoutTransformation]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

        [Parameter]
        public MessageFraming Framing { get; set; } = MessageFraming.Line;

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EncodingCompleter))]
        public string Encoding { get; set; } = "utf8";

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxMessageSize { get; set; } = ConnectionOptions.DefaultMaxMessageSize;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            var target = $"{ComputerName}:{Port}";
            TryEngine(
                () =>
                {
                    var options = new SocketClientOptions
                    {
                        ConnectTimeout = Timeout,
                        Framing = Framing,
                        Encoding = TextEncodings.Resolve(Encoding),
                        MaxMessageSize = MaxMessageSize,
                        Name = Name,
                    };
                    WriteVerbose($"Connecting to {target} (timeout {Timeout}).");
                    var connection = Registry.Connect(ComputerName, Port, options, ModuleState.CurrentOwner, CancelToken);
                    WriteVerbose($"{connection.Name} (id {connection.Id}) connected: {connection.LocalEndPoint} -> {connection.RemoteEndPoint}.");
                    WriteObject(connection);
                },
                target);
        }
    }
}
