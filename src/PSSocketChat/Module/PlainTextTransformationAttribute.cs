using System;
using System.Collections;
using System.Management.Automation;

namespace PSSocketChat.Module
{
    /// <summary>
    /// On text parameters that take pipeline input: refuses this module's objects, and bytes, before PowerShell turns
    /// them into their ToString() (one message per byte), so a piped connection or byte array binds where it belongs
    /// (-Connection, -Bytes) or fails binding with a clear message.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class PlainTextTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = Unwrap(inputData);
            try
            {
                if (value is IEnumerable items && !(value is string) && !(value is byte[]) && !(value is IDictionary))
                {
                    foreach (var item in items)
                    {
                        RequireText(Unwrap(item));
                    }
                }
                else
                {
                    RequireText(value);
                }
            }
            catch (ArgumentException e)
            {
                // Wrapped as a failed cast on purpose: while binding pipeline input without coercion, PowerShell
                // passes over a parameter whose value "does not cast" and goes on to bind by property name (a
                // received message gives its Connection and Text); any other failure would end the binding there.
                var message = ErrorMapping.WithoutParameterName(e);
                throw new ArgumentTransformationMetadataException(message, new PSInvalidCastException(message, e));
            }

            return inputData;
        }

        private static void RequireText(object? value)
        {
            if (value is byte[] || value is byte)
            {
                throw new ArgumentException("Bytes are not text: send them as they are with -Bytes.");
            }

            if (value is PSCustomObject || value is IDictionary)
            {
                // Its text would be "@{Name=...}", never what anyone means to send.
                throw new ArgumentException(
                    "An object with properties is not text: choose the property to send, or format it first (ConvertTo-Json, Out-String).");
            }

            PlainText.RequireText(value);
        }

        private static object? Unwrap(object? item) => item is PSObject wrapped ? wrapped.BaseObject : item;
    }
}
