using System;

namespace PSSocketChat.Benchmarks.Micro
{
    /// <summary>How many messages one socket read brings the decoder.</summary>
    public enum ReadShape
    {
        /// <summary>A read holds exactly one whole frame: a chat, one message at a time.</summary>
        One,

        /// <summary>A full receive buffer of whole frames: a peer streaming messages faster than we read.</summary>
        Many,
    }

    internal static class ReadShapes
    {
        /// <summary>Whole frames of <paramref name="frameLength"/> bytes in one read of <paramref name="readSize"/> bytes.</summary>
        public static int MessagesPerRead(ReadShape shape, int frameLength, int readSize)
        {
            if (frameLength > readSize)
            {
                throw new ArgumentOutOfRangeException(nameof(frameLength), frameLength, $"A frame does not fit in one read of {readSize} bytes.");
            }

            return shape == ReadShape.One ? 1 : readSize / frameLength;
        }
    }
}
