using System.Linq;
using System.Text;
using PSSocketChat.Framing;
using Xunit;
using static PSSocketChat.Tests.Framing.Decoding;

namespace PSSocketChat.Tests.Framing
{
    public class LengthPrefixedFramingTests
    {
        [Fact]
        public void A_frame_is_a_big_endian_length_then_the_payload()
        {
            var codec = new MessageCodec(MessageFraming.LengthPrefixed, Encoding.UTF8, 1 << 20);

            Assert.Equal(new byte[] { 0, 0, 0, 3, (byte)'a', (byte)'\n', (byte)'b' }, codec.FrameText("a\nb", null));
            Assert.Equal(new byte[] { 0, 0, 1, 0 }, codec.FrameBytes(new byte[256], null).Take(4));
        }

        [Fact]
        public void Line_breaks_and_empty_messages_survive()
        {
            var codec = new MessageCodec(MessageFraming.LengthPrefixed, Encoding.UTF8, 1 << 20);
            var wire = Concat(new[] { "línea 1\r\nlínea 2", "", "\n" }.Select(t => codec.FrameText(t, null)));

            var (frames, violation) = Decode(MessageFraming.LengthPrefixed, wire, new[] { 1 });

            Assert.Null(violation);
            Assert.Equal(new[] { "línea 1\r\nlínea 2", "", "\n" }, frames.Select(codec.DecodeText));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(1000)]
        public void Exactly_the_maximum_is_accepted_and_one_more_is_a_violation(int readSize)
        {
            const int max = 100;
            var codec = new MessageCodec(MessageFraming.LengthPrefixed, Encoding.UTF8, 1000);
            var wire = Concat(new[] { codec.FrameBytes(new byte[max], null), codec.FrameBytes(new byte[max + 1], null) });

            var (frames, violation) = Decode(MessageFraming.LengthPrefixed, wire, new[] { readSize }, max);

            Assert.Equal(max, Assert.Single(frames).Length);
            Assert.Contains("maximum message size of 100 bytes", violation);
        }

        [Fact]
        public void A_huge_length_field_is_refused_as_soon_as_it_is_read()
        {
            var (frames, violation) = Decode(MessageFraming.LengthPrefixed, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, new[] { 4 }, 1 << 20);

            Assert.Empty(frames);
            Assert.Contains("4294967295", violation);
        }

        [Fact]
        public void A_message_cut_off_by_the_end_of_stream_is_reported_not_delivered()
        {
            var decoder = Framer.For(MessageFraming.LengthPrefixed).CreateDecoder(100);
            var frames = new System.Collections.Generic.List<byte[]>();
            decoder.Decode(new byte[] { 0, 0, 0, 5, 1, 2 }, 0, 6, frames);

            Assert.Equal(6, decoder.PendingLength);
            Assert.Null(decoder.TakeRemainder(out var cutOff));
            Assert.Contains("2 of its 5 bytes", cutOff);
            Assert.Empty(frames);
        }

        [Fact]
        public void A_length_prefix_cut_off_by_the_end_of_stream_is_reported()
        {
            var decoder = Framer.For(MessageFraming.LengthPrefixed).CreateDecoder(100);
            decoder.Decode(new byte[] { 0, 0 }, 0, 2, new System.Collections.Generic.List<byte[]>());

            Assert.Equal(2, decoder.PendingLength);
            Assert.Null(decoder.TakeRemainder(out var cutOff));
            Assert.Contains("2 of its 4 bytes", cutOff);
        }

        [Fact]
        public void A_length_alone_reserves_memory_only_for_the_bytes_that_arrive()
        {
            var decoder = Framer.For(MessageFraming.LengthPrefixed).CreateDecoder(1 << 20);
            var frames = new System.Collections.Generic.List<byte[]>();

            decoder.Decode(new byte[] { 0, 16, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0, 14, frames);

            Assert.Empty(frames);
            Assert.True(decoder.HeldCapacity <= 4096, $"A 1 MiB announcement with 10 bytes holds {decoder.HeldCapacity} bytes.");
        }

        [Fact]
        public void A_message_that_arrives_in_pieces_is_whole_and_exact_and_its_buffer_is_given_back()
        {
            var payload = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();
            var stream = new byte[] { 0, 1, 0x86, 0xA0 }.Concat(payload).Concat(new byte[] { 0, 0, 0, 1, 42 }).ToArray();

            var (frames, violation) = Decode(MessageFraming.LengthPrefixed, stream, new[] { 1000, 7, 3000 });

            Assert.Null(violation);
            Assert.Equal(payload, frames[0]);
            Assert.Equal(new byte[] { 42 }, frames[1]);
        }
    }
}
