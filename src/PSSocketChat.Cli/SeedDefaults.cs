namespace PSSocketChat.Cli
{
    /// <summary>
    /// The classroom programs' choices, kept as this host's defaults so it talks to them as they are; the engine has
    /// none of its own (the module keeps the same ones).
    /// </summary>
    internal static class SeedDefaults
    {
        internal const int Port = 8000;

        internal const string Acknowledgement = "Mensaje recibido";
    }
}
