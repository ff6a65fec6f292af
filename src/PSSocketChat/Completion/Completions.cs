using System;
using System.Collections.Generic;
using System.Linq;

namespace PSSocketChat.Module
{
    /// <summary>
    /// Tab completion of what is open: names for -Name, ids for -Id, and for parameters that take the object itself
    /// an expression that fetches it, such as <c>(Get-SocketConnection -Id 3)</c>.
    /// </summary>
    public static class Completions
    {
        public static IEnumerable<Completion> ServerNames(SocketRegistry registry, string? wordToComplete) =>
            Offer(registry.Servers, wordToComplete, s => s.Name, s => Quote(s.Name), Describe);

        public static IEnumerable<Completion> ServerIds(SocketRegistry registry, string? wordToComplete) =>
            Offer(registry.Servers, wordToComplete, s => s.Id.ToString(), s => s.Id.ToString(), Describe);

        public static IEnumerable<Completion> Servers(SocketRegistry registry, string? wordToComplete) =>
            Offer(registry.Servers, wordToComplete, s => s.Name, s => $"(Get-SocketServer -Id {s.Id})", Describe);

        public static IEnumerable<Completion> ConnectionNames(SocketRegistry registry, string? wordToComplete) =>
            Offer(registry.Connections, wordToComplete, c => c.Name, c => Quote(c.Name), Describe);

        public static IEnumerable<Completion> ConnectionIds(SocketRegistry registry, string? wordToComplete) =>
            Offer(registry.Connections, wordToComplete, c => c.Id.ToString(), c => c.Id.ToString(), Describe);

        public static IEnumerable<Completion> Connections(SocketRegistry registry, string? wordToComplete) =>
            Offer(registry.Connections.Where(c => c.State == ConnectionState.Open), wordToComplete, c => c.Name, c => $"(Get-SocketConnection -Id {c.Id})", Describe);

        public static IEnumerable<Completion> Encodings(string? wordToComplete) =>
            Offer(TextEncodings.CommonNames, wordToComplete, n => n, n => n, n => n);

        /// <summary>Single-quotes text PowerShell would otherwise split or expand.</summary>
        public static string Quote(string text) =>
            text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.')
                ? text
                : "'" + text.Replace("'", "''") + "'";

        private static IEnumerable<Completion> Offer<T>(
            IEnumerable<T> candidates,
            string? wordToComplete,
            Func<T, string> matchText,
            Func<T, string> completionText,
            Func<T, string> toolTip)
        {
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return candidates
                .Where(c => matchText(c).StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(c => new Completion(completionText(c), matchText(c), toolTip(c)))
                .ToList();
        }

        private static string Describe(SocketServer server) =>
            $"{server.Name} (id {server.Id}): {server.LocalEndPoint}, {server.ConnectionCount} client(s), {server.State}";

        private static string Describe(SocketConnection connection) =>
            $"{connection.Name} (id {connection.Id}): {connection.Direction} {connection.RemoteEndPoint}, {connection.State}";
    }
}
