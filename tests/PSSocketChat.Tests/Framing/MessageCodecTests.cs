using System;
using PSSocketChat.Framing;
using Xunit;

namespace PSSocketChat.Tests.Framing
{
    public class MessageCodecTests
    {
        [Theory]
        [InlineData(MessageFraming.Line)]
        [InlineData(MessageFraming.Raw)]
        [InlineData(MessageFraming.LengthPrefixed)]
        public void A_message_over_the_maximum_is_refused_before_a_frame_is_allocated(MessageFraming framing)
        {
            var codec = MessageCodec.From(new SocketClientOptions { Framing = framing, MaxMessageSize = 1024 });
            var text = new string('x', 8 * 1024 * 1024);
            var bytes = new byte[8 * 1024 * 1024];

            var before = GC.GetAllocatedBytesForCurrentThread();
            var textError = Assert.Throws<SocketChatException>(() => codec.FrameText(text, target: null));
            var bytesError = Assert.Throws<SocketChatException>(() => codec.FrameBytes(bytes, target: null));
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(SocketErrorKind.MessageTooLarge, textError.Kind);
            Assert.Equal(SocketErrorKind.MessageTooLarge, bytesError.Kind);

            // Two errors and their messages, not an 8 MiB frame for each.
            Assert.True(allocated < 256 * 1024, $"Refusing two 8 MiB messages allocated {allocated} bytes.");
        }
    }
}
