using System.Linq;
using System.Text;
using PSSocketChat.Framing;
using Xunit;
using static PSSocketChat.Tests.Framing.Decoding;

namespace PSSocketChat.Tests.Framing
{
    public class LineFramingTests
    {
        [Fact]
        public void Many_lines_in_one_read_become_many_messages()
        {
            var (frames, violation) = Decode(MessageFraming.Line, Bytes("uno\ndos\ntres\n"), new int[0]);

            Assert.Null(violation);
            Assert.Equal(new[] { "uno", "dos", "tres" }, frames.Select(Text));
        }

        [Fact]
        public void A_line_split_across_many_reads_becomes_one_message()
        {
            var (frames, _) = Decode(MessageFraming.Line, Bytes("hola mundo\n"), new[] { 1 });

            Assert.Equal("hola mundo", Text(Assert.Single(frames)));
        }

        [Theory]
        [InlineData("a\r\nb\r\n")]
        [InlineData("a\nb\r\n")]
        public void A_CR_before_LF_is_removed(string wire)
        {
            foreach (var readSize in new[] { 1, 2, 3, 100 })
            {
                var (frames, _) = Decode(MessageFraming.Line, Bytes(wire), new[] { readSize });
                Assert.Equal(new[] { "a", "b" }, frames.Select(Text));
            }
        }

        [Fact]
        public void Only_the_CR_directly_before_LF_is_removed()
        {
            var (frames, _) = Decode(MessageFraming.Line, Bytes("a\rb\r\r\n"), new int[0]);

            Assert.Equal("a\rb\r", Text(Assert.Single(frames)));
        }

        [Fact]
        public void Empty_lines_are_empty_messages()
        {
            var (frames, _) = Decode(MessageFraming.Line, Bytes("\n\r\nx\n\n"), new[] { 1 });

            Assert.Equal(new[] { "", "", "x", "" }, frames.Select(Text));
        }

        [Fact]
        public void Bytes_after_the_last_LF_wait_for_the_rest_of_their_line()
        {
            var decoder = Framer.For(MessageFraming.Line).CreateDecoder(100);
            var frames = new System.Collections.Generic.List<byte[]>();

            Assert.Null(decoder.Decode(Bytes("one\ntw"), 0, 6, frames));
            Assert.Single(frames);
            Assert.Null(decoder.Decode(Bytes("o\n"), 0, 2, frames));
            Assert.Equal(new[] { "one", "two" }, frames.Select(Text));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(4096)]
        public void A_line_of_exactly_the_maximum_size_is_accepted_with_LF_or_CRLF(int readSize)
        {
            const int max = 64;
            var line = new string('x', max);

            Assert.Equal(line, Text(Assert.Single(Decode(MessageFraming.Line, Bytes(line + "\n"), new[] { readSize }, max).Frames)));
            Assert.Equal(line, Text(Assert.Single(Decode(MessageFraming.Line, Bytes(line + "\r\n"), new[] { readSize }, max).Frames)));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(4096)]
        public void A_line_one_byte_over_the_maximum_is_a_violation_after_the_lines_before_it(int readSize)
        {
            const int max = 64;
            var wire = Bytes("ok\n" + new string('x', max + 1) + "\nnever\n");

            var (frames, violation) = Decode(MessageFraming.Line, wire, new[] { readSize }, max);

            Assert.Equal("ok", Text(Assert.Single(frames)));
            Assert.Contains("maximum message size of 64 bytes", violation);
        }

        [Fact]
        public void An_endless_line_is_refused_without_buffering_past_the_limit()
        {
            const int max = 1000;
            var decoder = Framer.For(MessageFraming.Line).CreateDecoder(max);
            var frames = new System.Collections.Generic.List<byte[]>();
            var chunk = Enumerable.Repeat((byte)'x', 300).ToArray();

            string? violation = null;
            var reads = 0;
            while (violation is null && reads < 100)
            {
                violation = decoder.Decode(chunk, 0, chunk.Length, frames);
                reads++;
            }

            Assert.NotNull(violation);
            Assert.Equal(4, reads);
            Assert.Empty(frames);
        }

        [Fact]
        public void Invalid_UTF8_keeps_its_bytes_and_decodes_with_replacement_characters()
        {
            var codec = new MessageCodec(MessageFraming.Line, new UTF8Encoding(false), 1024);
            var payload = new byte[] { (byte)'a', 0xFF, 0xC3, (byte)'b' };
            var (frames, _) = Decode(MessageFraming.Line, payload.Concat(new[] { (byte)'\n' }).ToArray(), new[] { 1 });

            var frame = Assert.Single(frames);
            Assert.Equal(payload, frame);
            Assert.Equal("a\uFFFD\uFFFDb", codec.DecodeText(frame));
        }

        [Theory]
        [InlineData("two\nlines")]
        [InlineData("carriage\rreturn")]
        [InlineData("crlf\r\n")]
        public void Sending_text_with_a_line_break_is_refused(string text)
        {
            var codec = new MessageCodec(MessageFraming.Line, Encoding.UTF8, 1024);

            var error = Assert.Throws<SocketChatException>(() => codec.FrameText(text, "target"));

            Assert.Equal(SocketErrorKind.InvalidMessage, error.Kind);
            Assert.Contains("line break", error.Message);
            Assert.Equal("target", error.Target);
        }

        [Fact]
        public void Sending_frames_text_as_the_line_and_LF()
        {
            var codec = new MessageCodec(MessageFraming.Line, Encoding.UTF8, 1024);

            Assert.Equal(Bytes("¡hola!\n"), codec.FrameText("¡hola!", null));
        }

        [Fact]
        public void Sending_more_than_the_maximum_is_refused()
        {
            var codec = new MessageCodec(MessageFraming.Line, Encoding.UTF8, 4);

            Assert.Equal(Bytes("1234\n"), codec.FrameText("1234", null));
            Assert.Equal(SocketErrorKind.MessageTooLarge, Assert.Throws<SocketChatException>(() => codec.FrameText("12345", null)).Kind);
        }

        [Fact]
        public void Line_framing_refuses_an_encoding_whose_line_feed_is_not_one_byte()
        {
            var error = Assert.Throws<System.ArgumentException>(() => new MessageCodec(MessageFraming.Line, Encoding.Unicode, 1024));

            Assert.Contains("utf-16", error.Message);
        }

        [Fact]
        public void Latin1_text_round_trips_in_its_own_encoding()
        {
            var latin1 = Encoding.GetEncoding("iso-8859-1");
            var codec = new MessageCodec(MessageFraming.Line, latin1, 1024);

            var frame = codec.FrameText("año", null);

            Assert.Equal(new byte[] { (byte)'a', 0xF1, (byte)'o', (byte)'\n' }, frame);
            Assert.Equal("año", codec.DecodeText(frame.Take(3).ToArray()));
        }

        [Fact]
        public void Bytes_after_the_last_line_feed_are_counted_as_pending()
        {
            var decoder = Framer.For(MessageFraming.Line).CreateDecoder(100);
            var frames = new System.Collections.Generic.List<byte[]>();

            decoder.Decode(Bytes("uno\ndo"), 0, 6, frames);
            Assert.Equal(2, decoder.PendingLength);
            decoder.Decode(Bytes("s\n"), 0, 2, frames);
            Assert.Equal(0, decoder.PendingLength);
        }

        [Theory]
        [InlineData("sin fin", "sin fin")]
        [InlineData("sin fin\r", "sin fin")]
        public void At_end_of_stream_the_unterminated_last_line_is_handed_back_once(string wire, string expected)
        {
            var decoder = Framer.For(MessageFraming.Line).CreateDecoder(100);
            var frames = new System.Collections.Generic.List<byte[]>();
            var bytes = Bytes(wire);
            decoder.Decode(bytes, 0, bytes.Length, frames);

            Assert.Equal(expected, Text(decoder.TakeRemainder(out var cutOff)!));
            Assert.Null(cutOff);
            Assert.Null(decoder.TakeRemainder(out _));
            Assert.Empty(frames);
        }

        [Theory]
        [InlineData("uno\n")]
        [InlineData("uno\n\r")]
        public void Nothing_remains_when_the_stream_ends_on_a_line_feed_or_the_CR_of_one(string wire)
        {
            var decoder = Framer.For(MessageFraming.Line).CreateDecoder(100);
            var bytes = Bytes(wire);
            decoder.Decode(bytes, 0, bytes.Length, new System.Collections.Generic.List<byte[]>());

            Assert.Null(decoder.TakeRemainder(out var cutOff));
            Assert.Null(cutOff);
            Assert.Equal(0, decoder.PendingLength);
        }

        [Fact]
        public void The_buffer_of_a_long_line_is_given_back_once_the_line_ends()
        {
            var decoder = Framer.For(MessageFraming.Line).CreateDecoder(1 << 20);
            var frames = new System.Collections.Generic.List<byte[]>();
            var chunk = Bytes(new string('x', 50_000));

            decoder.Decode(chunk, 0, chunk.Length, frames);
            decoder.Decode(chunk, 0, chunk.Length, frames);
            Assert.True(decoder.HeldCapacity >= 100_000);
            decoder.Decode(Bytes("\n"), 0, 1, frames);

            Assert.Equal(100_000, Assert.Single(frames).Length);
            Assert.True(decoder.HeldCapacity <= 16 * 1024, $"After the line the decoder still holds {decoder.HeldCapacity} bytes.");
        }
    }
}
