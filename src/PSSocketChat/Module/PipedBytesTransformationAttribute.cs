using System;
using System.Management.Automation;
using System.Runtime.CompilerServices;

namespace PSSocketChat.Module
{
    /// <summary>
    /// On a byte-array parameter that takes pipeline input: PowerShell unrolls a piped byte array into single bytes,
    /// and each becomes an array of one. This remembers which arrays were made that way, so the cmdlet can gather
    /// them back into the one message the user piped, while an array piped whole (Write-Output -NoEnumerate,
    /// Get-Content -AsByteStream -Raw) stays a message of its own.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class PipedBytesTransformationAttribute : ArgumentTransformationAttribute
    {
        // Keyed by the array itself and dropped with it: nothing outlives the value PowerShell bound.
        private static readonly ConditionalWeakTable<byte[], object> s_oneByOne = new ConditionalWeakTable<byte[], object>();

        public static bool CameOneByOne(byte[] bytes) => s_oneByOne.TryGetValue(bytes, out _);

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            if ((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is byte single)
            {
                var bytes = new[] { single };
                s_oneByOne.Add(bytes, bytes);
                return bytes;
            }

            return inputData;
        }
    }
}
