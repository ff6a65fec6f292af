using System.Text;
using PSSocketChat.Framing;
using Xunit;
using static PSSocketChat.Tests.Framing.Decoding;

namespace PSSocketChat.Tests.Framing
{
    public class RawFramingTests
    {
        [Fact]
        public void Each_read_is_one_message_whatever_it_holds()
        {
            var (frames, violation) = Decode(MessageFraming.Raw, Bytes("ab\ncdefg"), new[] { 2, 4, 2 });

            Assert.Null(violation);
            Assert.Equal(new[] { "ab", "\ncde", "fg" }, System.Linq.Enumerable.Select(frames, Text));
        }

        [Fact]
        public void A_read_over_the_maximum_is_cut_into_messages_of_the_maximum()
        {
            var (frames, violation) = Decode(MessageFraming.Raw, Bytes("abcdefg"), new[] { 7 }, maxMessageSize: 3);

            Assert.Null(violation);
            Assert.Equal(new[] { "abc", "def", "g" }, System.Linq.Enumerable.Select(frames, Text));
        }

        [Fact]
        public void Sending_sends_the_bytes_as_they_are_and_refuses_nothing_to_send()
        {
            var codec = new MessageCodec(MessageFraming.Raw, Encoding.UTF8, 1024);

            Assert.Equal(Bytes("no delimiter\n\r"), codec.FrameText("no delimiter\n\r", null));
            Assert.Equal(SocketErrorKind.InvalidMessage, Assert.Throws<SocketChatException>(() => codec.FrameText("", null)).Kind);
        }
    }
}
