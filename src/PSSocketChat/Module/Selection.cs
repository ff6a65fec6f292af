using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PSSocketChat.Module
{
    /// <summary>What a lookup by names and ids found, and an error for each plain name or id that found nothing.</summary>
    public sealed class Selection<T>
    {
        internal Selection(IReadOnlyList<T> items, IReadOnlyList<SocketChatException> errors)
        {
            Items = items;
            Errors = errors;
        }

        public IReadOnlyList<T> Items { get; }

        public IReadOnlyList<SocketChatException> Errors { get; }
    }

    /// <summary>
    /// Choosing servers and connections as Get-Item chooses files: names with PowerShell's wildcards, ignoring case,
    /// and ids. A plain name or an id that matches nothing is an error; a wildcard that matches nothing is not.
    /// </summary>
    internal static class Selection
    {
        internal static Selection<SocketServer> Servers(IReadOnlyList<SocketServer> candidates, IReadOnlyCollection<string>? names, IReadOnlyCollection<int>? ids) =>
            Of(candidates, s => s.Name, s => s.Id, names, ids, SocketErrorKind.ServerNotFound, "server");

        internal static Selection<SocketConnection> Connections(
            IReadOnlyList<SocketConnection> candidates,
            IReadOnlyCollection<string>? names,
            IReadOnlyCollection<int>? ids,
            IReadOnlyCollection<ConnectionState>? states = null)
        {
            var selection = Of(candidates, c => c.Name, c => c.Id, names, ids, SocketErrorKind.ConnectionNotFound, "connection");
            return states is null || states.Count == 0
                ? selection
                : new Selection<SocketConnection>(selection.Items.Where(c => states.Contains(c.State)).ToList(), selection.Errors);
        }

        private static Selection<T> Of<T>(
            IReadOnlyList<T> candidates,
            Func<T, string> nameOf,
            Func<T, int> idOf,
            IReadOnlyCollection<string>? names,
            IReadOnlyCollection<int>? ids,
            SocketErrorKind notFound,
            string noun)
        {
            var hasNames = names != null && names.Count > 0;
            var hasIds = ids != null && ids.Count > 0;
            if (!hasNames && !hasIds)
            {
                return new Selection<T>(candidates, Array.Empty<SocketChatException>());
            }

            var chosen = new HashSet<T>();
            var errors = new List<SocketChatException>();
            foreach (var name in hasNames ? names! : Enumerable.Empty<string>())
            {
                var matches = Matcher(name, out var isWildcard);
                var found = candidates.Where(c => matches(nameOf(c))).ToList();
                chosen.UnionWith(found);
                if (found.Count == 0 && !isWildcard)
                {
                    errors.Add(new SocketChatException(notFound, $"No open {noun} is named '{name}'.", name));
                }
            }

            foreach (var id in hasIds ? ids! : Enumerable.Empty<int>())
            {
                var matches = candidates.Where(c => idOf(c) == id).ToList();
                chosen.UnionWith(matches);
                if (matches.Count == 0)
                {
                    errors.Add(new SocketChatException(notFound, $"No open {noun} has the id {id}.", id));
                }
            }

            return new Selection<T>(candidates.Where(chosen.Contains).ToList(), errors);
        }

        /// <summary>
        /// A name's test. What is not a valid wildcard (an unclosed <c>[</c>, a range such as <c>[z-a]</c>) is a plain
        /// name, compared as written, not a failed command.
        /// </summary>
        private static Func<string, bool> Matcher(string name, out bool isWildcard)
        {
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                try
                {
                    // The pattern is parsed on first use: try it once here, where a bad one can still become a name.
                    pattern.IsMatch(string.Empty);
                    isWildcard = true;
                    return pattern.IsMatch;
                }
                catch (WildcardPatternException)
                {
                }
            }

            isWildcard = false;
            var literal = WildcardPattern.Unescape(name);
            return candidate => string.Equals(candidate, literal, StringComparison.OrdinalIgnoreCase);
        }
    }
}
