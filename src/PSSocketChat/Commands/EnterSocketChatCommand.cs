using System;
using System.Management.Automation;
using PSSocketChat.Module;

namespace PSSocketChat.Commands
{
    /// <summary>
    /// Enter-SocketChat: the seed client at the prompt. Each line typed is sent and the server's replies are shown,
    /// until the quit word ('salir'), end of input, Ctrl+C or the server closing the connection.
    /// </summary>
    [Cmdlet(VerbsCommon.Enter, "SocketChat", DefaultParameterSetName = ComputerNameSet)]
    public sealed class EnterSocketChatCommand : SocketCmdlet
    {
        private const string ComputerNameSet = "ComputerName";
        private const string ConnectionSet = "Connection";

        [Parameter(Position = 0, ParameterSetName = ComputerNameSet)]
        [Alias("CN", "HostName")]
        [ValidateNotNullOrEmpty]
        public string ComputerName { get; set; } = "localhost";

        [Parameter(Position = 1, ParameterSetName = ComputerNameSet)]
        [ValidateRange(1, 65535)]
        public int Port { get; set; } = 8000;

        /// <summary>Chat on a connection that is already open; it stays open afterwards.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ConnectionSet)]
        [ArgumentCompleter(typeof(ConnectionCompleter))]
        [ValidateNotNull]
        public SocketConnection Connection { get; set; } = null!;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string QuitWord { get; set; } = "salir";

        /// <summary>How long to wait for the replies to each line.</summary>
        [Parameter]
        [TimeoutTransformation]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

        protected override void ProcessRecord()
        {
            var ownsConnection = ParameterSetName == ComputerNameSet;
            SocketConnection connection;
            try
            {
                connection = ownsConnection ? Registry.Connect(ComputerName, Port, new SocketClientOptions(), CancelToken) : Connection;
            }
            catch (SocketChatException e)
            {
                ThrowTerminatingError(e, $"{ComputerName}:{Port}");
                return;
            }
            catch (OperationCanceledException) when (CancelToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }

            try
            {
                Chat(connection);
            }
            finally
            {
                if (ownsConnection)
                {
                    connection.Close();
                    Registry.Remove(connection);
                }
            }
        }

        private void Chat(SocketConnection connection)
        {
            Host.UI.WriteLine($"Connected to {connection.RemoteEndPoint}. Type messages; '{QuitWord}' quits.");
            string? line;
            while (connection.State == ConnectionState.Open
                && (line = Host.UI.ReadLine()) != null
                && !string.Equals(line.Trim(), QuitWord, StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    foreach (var reply in connection.Exchange(line, Timeout, CancelToken))
                    {
                        Host.UI.WriteLine(reply.Text);
                    }
                }
                catch (SocketChatException e)
                {
                    WriteError(e, connection);
                }
                catch (OperationCanceledException) when (CancelToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
            }

            if (connection.State != ConnectionState.Open)
            {
                WriteWarning($"The connection closed: {connection.CloseReason} {connection.CloseDetail}".TrimEnd());
            }
        }
    }
}
