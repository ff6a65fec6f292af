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
        public int Port { get; set; } = SeedDefaults.Port;

        [Parameter(ParameterSetName = ComputerNameSet)]
        public MessageFraming Framing { get; set; } = MessageFraming.Line;

        [Parameter(ParameterSetName = ComputerNameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EncodingCompleter))]
        public string Encoding { get; set; } = "utf8";

        [Parameter(ParameterSetName = ComputerNameSet)]
        [ValidateRange(1, int.MaxValue)]
        public int MaxMessageSize { get; set; } = ConnectionOptions.DefaultMaxMessageSize;

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
            if (Timeout <= TimeSpan.Zero)
            {
                // Zero would not wait for any reply, and every line would end with a warning that none came.
                ThrowTerminatingError(new ArgumentException("-Timeout must be greater than zero: it is how long each line waits for its replies."), Timeout);
            }

            var ownsConnection = ParameterSetName == ComputerNameSet;
            var connection = Connection;
            if (ownsConnection)
            {
                TryEngine(() => connection = Registry.Connect(ComputerName, Port, ClientOptions(), ModuleState.CurrentOwner, CancelToken), $"{ComputerName}:{Port}", terminating: true);
            }

            try
            {
                Chat(connection);
            }
            finally
            {
                if (ownsConnection)
                {
                    Registry.Remove(connection);
                    WhileStoppable(() => connection.Close(CancelToken));
                }
            }
        }

        private SocketClientOptions ClientOptions() => new SocketClientOptions
        {
            Framing = Framing,
            Encoding = TextEncodings.Resolve(Encoding),
            MaxMessageSize = MaxMessageSize,
        };

        private void Exchange(SocketConnection connection, string line)
        {
            var replies = connection.Exchange(line, Timeout, CancelToken);
            foreach (var reply in replies)
            {
                Host.UI.WriteLine(reply.Text);
            }

            if (replies.Count == 0 && connection.State == ConnectionState.Open)
            {
                var hint = connection.UnterminatedLineHint();
                WriteWarning($"No reply within {Timeout.TotalSeconds:0.###} s.{hint}{(hint.Length > 0 ? " Chat with -Framing Raw." : "")}");
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
                var sent = line;
                TryEngine(() => Exchange(connection, sent), connection);
            }

            if (connection.State != ConnectionState.Open)
            {
                WriteWarning($"The connection closed: {connection.CloseReason.Describe(connection.CloseDetail)}.");
            }
        }

    }
}
