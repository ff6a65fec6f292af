namespace PSSocketChat.Cli
{
    internal static class Usage
    {
        public const string Text =
@"pssocketchat - TCP chat server and client (the PSSocketChat engine, without PowerShell)

Usage:
  pssocketchat server [--address 0.0.0.0] [--port 8000] [--framing line|raw|length-prefixed]
                      [--ack TEXT] [--no-ack] [--max-message-size BYTES] [--quiet]
  pssocketchat client [--host localhost] [--port 8000] [--framing line|raw|length-prefixed]
                      [--max-message-size BYTES]
  pssocketchat --help

server  Accepts clients, prints each message with its sender and time, and answers each with the
        acknowledgement (default 'Mensaje recibido'). Prints 'listening on ADDRESS:PORT' once it
        accepts connections (--port 0 shows the port the OS chose). Ctrl+C or SIGTERM stop it.
client  Sends each line read from the keyboard or standard input and prints each reply. Ends on
        'salir' or at the end of input, after the server's last replies have arrived.

Exit codes: 0 ok, 1 connection lost, 2 bad argument, 3 cannot listen, 4 cannot connect.";
    }
}
