using System;
using System.Management.Automation;
using PSSocketChat.Module;

namespace PSSocketChat.Commands
{
    /// <summary>Send-SocketMessage: send each string, or bytes, as one message; optionally wait for each reply.</summary>
    [Cmdlet(VerbsCommunications.Send, "SocketMessage", DefaultParameterSetName = TextSet)]
    [OutputType(typeof(SentMessage), typeof(SocketMessage))]
    public sealed class SendSocketMessageCommand : SocketCmdlet
    {
        private const string TextSet = "Text";
        private const string BytesSet = "Bytes";

        // Single bytes from the pipeline are parts of one message; see PipedBytes.
        private readonly PipedBytes _pipedBytes = new PipedBytes();

        /// <summary>Also bound by property name, so a received message piped in is answered on its own connection.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionCompleter))]
        [ValidateNotNull]
        public SocketConnection Connection { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TextSet)]
        [Alias("Text")]
        [AllowEmptyString]
        [PlainTextTransformation]
        public string[] Message { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Also bound by property name: besides objects with a Bytes property, that is what keeps PowerShell from
        /// settling on the Text set before it has seen the input (it does when only the default set binds by name).
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = BytesSet)]
        [PipedBytesTransformation]
        [AllowEmptyCollection]
        [ValidateNotNull]
        public byte[] Bytes { get; set; } = Array.Empty<byte>();

        [Parameter]
        public SwitchParameter WaitForReply { get; set; }

        /// <summary>How long -WaitForReply waits for each reply.</summary>
        [Parameter]
        [TimeoutTransformation]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        // Parameters bound here came from the command line; a single byte given there is a message of its own.
        protected override void BeginProcessing() => _pipedBytes.Gathering = !MyInvocation.BoundParameters.ContainsKey(nameof(Bytes));

        protected override void ProcessRecord()
        {
            if (ParameterSetName == TextSet)
            {
                foreach (var text in Message)
                {
                    Send(Connection, connection => connection.Send(text, CancelToken));
                }
            }
            else if (_pipedBytes.Gathering && PipedBytesTransformationAttribute.CameOneByOne(Bytes))
            {
                SendGathered(_pipedBytes.Add(Connection, Bytes[0]));
            }
            else
            {
                SendGathered(_pipedBytes.Take());
                var payload = Bytes;
                Send(Connection, connection => connection.Send(payload, CancelToken));
            }
        }

        protected override void EndProcessing() => SendGathered(_pipedBytes.Take());

        private void SendGathered((SocketConnection Connection, byte[] Bytes)? gathered)
        {
            if (gathered is (SocketConnection connection, byte[] payload))
            {
                Send(connection, to => to.Send(payload, CancelToken));
            }
        }

        private void Send(SocketConnection connection, Func<SocketConnection, SentMessage> send) => TryEngine(
            () =>
            {
                var sent = send(connection);
                if (PassThru)
                {
                    WriteObject(sent);
                }

                if (WaitForReply)
                {
                    WriteObject(connection.WaitForReply(Timeout, CancelToken));
                }
            },
            connection);
    }
}
