using System;
using System.Collections;

namespace PSSocketChat.Module
{
    /// <summary>
    /// Guards text parameters against PowerShell's habit of turning any piped object into its ToString(): a piped
    /// connection must not be sent as the message "Connection1 (...)", nor a server looked up as a host name.
    /// </summary>
    public static class PlainText
    {
        /// <exception cref="ArgumentException">The value, or an item of it, is one of this module's objects.</exception>
        public static void RequireText(object? value)
        {
            if (value is string || value is null)
            {
                return;
            }

            if (value is IEnumerable items)
            {
                foreach (var item in items)
                {
                    RequireText(item);
                }

                return;
            }

            var type = value.GetType();
            if (type.Assembly == typeof(SocketConnection).Assembly)
            {
                throw new ArgumentException(
                    $"A {type.Name} is not text. Give the text as its own parameter, for example: $connection | Send-SocketMessage -Message 'hola'.",
                    nameof(value));
            }
        }
    }
}
