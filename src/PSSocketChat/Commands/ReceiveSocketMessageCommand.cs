using System;
using System.Management.Automation;
using PSSocketChat.Module;

namespace PSSocketChat.Commands
{
    /// <summary>
    /// Receive-SocketMessage: take messages from a connection or from all of a server's clients. By default what is
    /// queued now; -Count and -Timeout wait for more; -Wait streams until Ctrl+C or the source closes.
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "SocketMessage", DefaultParameterSetName = ConnectionSet)]
    [OutputType(typeof(SocketMessage))]
    public sealed class ReceiveSocketMessageCommand : SocketCmdlet
    {
        private const string ConnectionSet = "Connection";
        private const string ServerSet = "Server";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ConnectionSet)]
        [ArgumentCompleter(typeof(ConnectionCompleter))]
        [ValidateNotNull]
        public SocketConnection Connection { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ServerSet)]
        [ArgumentCompleter(typeof(ServerCompleter))]
        [ValidateNotNull]
        public SocketServer Server { get; set; } = null!;

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Count { get; set; }

        [Parameter]
        [TimeoutTransformation]
        public TimeSpan Timeout { get; set; }

        [Parameter]
        public SwitchParameter Wait { get; set; }

        protected override void ProcessRecord()
        {
            var bound = MyInvocation.BoundParameters;
            var reader = new InboxReader(
                ParameterSetName == ServerSet ? Server.Inbox : Connection.Inbox,
                new ReceiveRequest
                {
                    From = ParameterSetName == ServerSet ? null : Connection,
                    Count = bound.ContainsKey(nameof(Count)) ? Count : (int?)null,
                    Timeout = bound.ContainsKey(nameof(Timeout)) ? Timeout : (TimeSpan?)null,
                    Wait = Wait,
                });

            WriteReceived(reader);
            if (reader.Shortfall is SocketChatException shortfall)
            {
                WriteError(shortfall, null);
            }

            WriteVerbose($"Received {reader.MessageCount} message(s): {reader.Outcome.Describe()}.");
        }
    }
}
