using System;
using System.Management.Automation;

namespace PSSocketChat.Module
{
    /// <summary>Lets -Timeout take 5 (seconds), 0.5, '00:00:05' or a TimeSpan; PowerShell alone reads 5 as five ticks.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class TimeoutTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            try
            {
                return Timeouts.FromValue(inputData is PSObject wrapped ? wrapped.BaseObject : inputData);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentTransformationMetadataException(ErrorMapping.WithoutParameterName(e), e);
            }
        }
    }
}
