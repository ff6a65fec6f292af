namespace PSSocketChat.Module
{
    /// <summary>
    /// The classroom programs' choices, which the cmdlets keep as their defaults so the module talks to them as they
    /// are. The engine has none of its own: these belong to the hosts (the console host keeps the same ones).
    /// </summary>
    internal static class SeedDefaults
    {
        internal const int Port = 8000;

        internal const string Acknowledgement = "Mensaje recibido";
    }
}
