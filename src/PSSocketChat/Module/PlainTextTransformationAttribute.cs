using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;

namespace PSSocketChat.Module
{
    /// <summary>
    /// On text parameters that take pipeline input: refuses this module's objects before PowerShell turns them into
    /// their ToString(), so a piped connection binds where it belongs or fails binding with a clear message.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class PlainTextTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = Unwrap(inputData);
            try
            {
                PlainText.RequireText(value is IEnumerable items && !(value is string) ? items.Cast<object>().Select(Unwrap).ToArray() : value);
            }
            catch (ArgumentException e)
            {
                // Wrapped as a failed cast on purpose: while binding pipeline input without coercion, PowerShell
                // passes over a parameter whose value "does not cast" and goes on to bind by property name (a
                // received message gives its Connection and Text); any other failure would end the binding there.
                throw new ArgumentTransformationMetadataException(e.Message, new PSInvalidCastException(e.Message, e));
            }

            return inputData;
        }

        private static object Unwrap(object item) => item is PSObject wrapped ? wrapped.BaseObject : item;
    }
}
