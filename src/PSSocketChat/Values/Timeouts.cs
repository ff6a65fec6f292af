using System;
using System.Globalization;

namespace PSSocketChat.Module
{
    /// <summary>
    /// A timeout given as a TimeSpan, a number of seconds (5, 0.5) or text ("5", "00:00:05"). PowerShell alone would
    /// turn the number 5 into five ticks; parameters run their values through here instead.
    /// </summary>
    public static class Timeouts
    {
        public static TimeSpan FromValue(object? value)
        {
            var timeout = value switch
            {
                null => throw new ArgumentNullException(nameof(value), "A timeout is required."),
                TimeSpan span => span,
                int seconds => TimeSpan.FromSeconds(seconds),
                long seconds => TimeSpan.FromSeconds(seconds),
                double seconds => FromSeconds(seconds),
                float seconds => FromSeconds(seconds),
                decimal seconds => FromSeconds((double)seconds),
                string text => Parse(text),
                _ => throw new ArgumentException($"A timeout must be a TimeSpan or a number of seconds, not {value.GetType().Name}.", nameof(value)),
            };

            if (timeout < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A timeout cannot be negative.");
            }

            return timeout;
        }

        private static TimeSpan Parse(string text)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return FromSeconds(seconds);
            }

            if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
            {
                return span;
            }

            throw new ArgumentException($"'{text}' is neither a number of seconds nor a TimeSpan such as 00:00:05.", nameof(text));
        }

        private static TimeSpan FromSeconds(double seconds)
        {
            if (double.IsNaN(seconds) || double.IsInfinity(seconds) || seconds > TimeSpan.MaxValue.TotalSeconds)
            {
                throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "The timeout is not a usable number of seconds.");
            }

            return TimeSpan.FromSeconds(seconds);
        }
    }
}
