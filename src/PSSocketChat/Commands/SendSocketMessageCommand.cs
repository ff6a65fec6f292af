using System;
using System.Management.Automation;
using PSSocketChat.Module;

namespace PSSocketChat.Commands
{
    /// <summary>Send-SocketMessage: send each string as one message; optionally wait for each reply.</summary>
    [Cmdlet(VerbsCommunications.Send, "SocketMessage")]
    [OutputType(typeof(SentMessage), typeof(SocketMessage))]
    public sealed class SendSocketMessageCommand : SocketCmdlet
    {
        /// <summary>Also bound by property name, so a received message piped in is answered on its own connection.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionCompleter))]
        [ValidateNotNull]
        public SocketConnection Connection { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Text")]
        [AllowEmptyString]
        [PlainTextTransformation]
        public string[] Message { get; set; } = Array.Empty<string>();

        [Parameter]
        public SwitchParameter WaitForReply { get; set; }

        /// <summary>How long -WaitForReply waits for each reply.</summary>
        [Parameter]
        [TimeoutTransformation]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var text in Message)
            {
                try
                {
                    var sent = Connection.Send(text, CancelToken);
                    if (PassThru)
                    {
                        WriteObject(sent);
                    }

                    if (WaitForReply)
                    {
                        WriteObject(Connection.WaitForReply(Timeout, CancelToken));
                    }
                }
                catch (OperationCanceledException) when (CancelToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                catch (Exception e) when (e is SocketChatException || e is ArgumentException)
                {
                    WriteError(e, Connection);
                }
            }
        }
    }
}
