using System;
using System.Text;
using System.Text.RegularExpressions;

namespace PSSocketChat
{
    /// <summary>
    /// A name with PowerShell's wildcards: <c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-c]</c> and a backtick to escape one,
    /// matched without regard to case, as <c>Get-SocketServer -Name chat*</c> expects.
    /// </summary>
    public sealed class NamePattern
    {
        private readonly Regex? _regex;
        private readonly string _literal;

        public NamePattern(string pattern)
        {
            Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
            IsWildcard = HasWildcards(pattern);
            _literal = Unescape(pattern);
            _regex = IsWildcard ? new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline) : null;
        }

        public string Pattern { get; }

        /// <summary>False for a plain name, which must match exactly one thing or is reported as not found.</summary>
        public bool IsWildcard { get; }

        public static bool HasWildcards(string pattern)
        {
            for (var i = 0; i < pattern.Length; i++)
            {
                switch (pattern[i])
                {
                    case '`':
                        i++;
                        break;
                    case '*':
                    case '?':
                    case '[':
                        return true;
                }
            }

            return false;
        }

        public bool IsMatch(string? name) => name != null &&
            (_regex?.IsMatch(name) ?? string.Equals(name, _literal, StringComparison.OrdinalIgnoreCase));

        public override string ToString() => Pattern;

        private static string Unescape(string pattern)
        {
            var text = new StringBuilder(pattern.Length);
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '`' && i + 1 < pattern.Length)
                {
                    i++;
                }

                text.Append(pattern[i]);
            }

            return text.ToString();
        }

        private static string ToRegex(string pattern)
        {
            var regex = new StringBuilder("^");
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                switch (c)
                {
                    case '`' when i + 1 < pattern.Length:
                        regex.Append(Regex.Escape(pattern[++i].ToString()));
                        break;
                    case '*':
                        regex.Append(".*");
                        break;
                    case '?':
                        regex.Append('.');
                        break;
                    case '[':
                        var close = pattern.IndexOf(']', i + 1);
                        if (close < 0)
                        {
                            regex.Append(@"\[");
                            break;
                        }

                        regex.Append('[').Append(pattern.Substring(i + 1, close - i - 1).Replace(@"\", @"\\").Replace("^", @"\^")).Append(']');
                        i = close;
                        break;
                    default:
                        regex.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }

            return regex.Append('$').ToString();
        }
    }
}
