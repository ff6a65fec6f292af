using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;

namespace PSSocketChat.Cli
{
    /// <summary>
    /// The options after the command word: <c>--name value</c>, <c>--name=value</c> and bare <c>--flag</c>s, each
    /// checked against what the command accepts, with typed readers that explain a bad value.
    /// </summary>
    internal sealed class CommandLine
    {
        private readonly Dictionary<string, string?> _values = new Dictionary<string, string?>(StringComparer.Ordinal);

        private CommandLine()
        {
        }

        public static CommandLine Parse(IReadOnlyList<string> arguments, ICollection<string> valueOptions, ICollection<string> flags)
        {
            var line = new CommandLine();
            for (var i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                if (!argument.StartsWith("--", StringComparison.Ordinal) || argument.Length == 2)
                {
                    throw new UsageException($"unexpected argument '{argument}'");
                }

                var equals = argument.IndexOf('=');
                var name = equals < 0 ? argument.Substring(2) : argument.Substring(2, equals - 2);
                string? value;
                if (flags.Contains(name) && equals < 0)
                {
                    value = null;
                }
                else if (valueOptions.Contains(name))
                {
                    if (equals >= 0)
                    {
                        value = argument.Substring(equals + 1);
                    }
                    else if (i + 1 < arguments.Count)
                    {
                        value = arguments[++i];
                    }
                    else
                    {
                        throw new UsageException($"option '--{name}' needs a value");
                    }
                }
                else
                {
                    throw new UsageException($"unknown option '--{name}'");
                }

                if (line._values.ContainsKey(name))
                {
                    throw new UsageException($"option '--{name}' is given more than once");
                }

                line._values[name] = value;
            }

            return line;
        }

        public bool Has(string name) => _values.ContainsKey(name);

        public string GetString(string name, string defaultValue) =>
            _values.TryGetValue(name, out var value) && value != null ? value : defaultValue;

        public int GetInt(string name, int defaultValue, int minimum, int maximum)
        {
            if (!_values.TryGetValue(name, out var text) || text is null)
            {
                return defaultValue;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
            {
                throw new UsageException($"--{name} must be a whole number from {minimum} to {maximum}, not '{text}'");
            }

            return value;
        }

        public IPAddress GetAddress(string name, IPAddress defaultValue)
        {
            if (!_values.TryGetValue(name, out var text) || text is null)
            {
                return defaultValue;
            }

            if (!IPAddress.TryParse(text, out var address))
            {
                throw new UsageException($"--{name} must be an IP address such as 0.0.0.0, 127.0.0.1 or ::1, not '{text}'");
            }

            return address;
        }

        public MessageFraming GetFraming(string name)
        {
            var text = GetString(name, "line");
            switch (text.ToLowerInvariant())
            {
                case "line":
                    return MessageFraming.Line;
                case "raw":
                    return MessageFraming.Raw;
                case "length-prefixed":
                case "lengthprefixed":
                    return MessageFraming.LengthPrefixed;
                default:
                    throw new UsageException($"--{name} must be line, raw or length-prefixed, not '{text}'");
            }
        }
    }
}
