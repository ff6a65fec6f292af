using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PSSocketChat.Framing;
using Xunit;
using static PSSocketChat.Tests.Framing.Decoding;

namespace PSSocketChat.Tests.Framing
{
    /// <summary>Any messages, framed and then cut into reads at any points, decode back to the same messages.</summary>
    public class FramingPropertyTests
    {
        private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

        private static readonly Gen<int[]> ReadSizes = Gen.Choose(1, 40).ArrayOf().Where(sizes => sizes.Length > 0);

        private static Gen<byte[]> Payload(params byte[] excluded) =>
            Gen.Choose(0, 255).Select(b => (byte)b).Where(b => !excluded.Contains(b)).ArrayOf();

        [Fact]
        public void Line_framing_round_trips_any_lines_cut_anywhere_with_LF_or_CRLF()
        {
            var cases =
                from messages in Payload((byte)'\n', (byte)'\r').ArrayOf()
                from crlf in Gen.Elements(true, false)
                from reads in ReadSizes
                select (messages, crlf, reads);

            Prop.ForAll(cases.ToArbitrary(), c =>
            {
                var terminator = c.crlf ? new byte[] { 13, 10 } : new byte[] { 10 };
                var wire = Concat(c.messages.Select(m => m.Concat(terminator).ToArray()));
                var (frames, violation) = Decode(MessageFraming.Line, wire, c.reads);
                return violation is null && SameMessages(c.messages, frames);
            }).Check(Runs);
        }

        [Fact]
        public void Length_prefixed_framing_round_trips_any_bytes_cut_anywhere()
        {
            var cases =
                from messages in Payload().ArrayOf()
                from reads in ReadSizes
                select (messages, reads);
            var framer = Framer.For(MessageFraming.LengthPrefixed);

            Prop.ForAll(cases.ToArbitrary(), c =>
            {
                var wire = Concat(c.messages.Select(framer.Frame));
                var (frames, violation) = Decode(MessageFraming.LengthPrefixed, wire, c.reads);
                return violation is null && SameMessages(c.messages, frames);
            }).Check(Runs);
        }

        [Fact]
        public void Raw_framing_gives_back_each_read_as_it_came()
        {
            // Raw has no boundaries of its own: the messages are the reads, and together they are the whole stream.
            var cases =
                from wire in Payload().Where(p => p.Length > 0)
                from reads in ReadSizes
                select (wire, reads);

            Prop.ForAll(cases.ToArbitrary(), c =>
            {
                var (frames, violation) = Decode(MessageFraming.Raw, c.wire, c.reads);
                var expectedSizes = new List<int>();
                for (int position = 0, i = 0; position < c.wire.Length; i++)
                {
                    var size = System.Math.Min(c.reads[i % c.reads.Length], c.wire.Length - position);
                    expectedSizes.Add(size);
                    position += size;
                }

                return violation is null
                    && frames.Select(f => f.Length).SequenceEqual(expectedSizes)
                    && Concat(frames).SequenceEqual(c.wire);
            }).Check(Runs);
        }

        [Fact]
        public void Line_framing_round_trips_any_text_without_line_breaks_through_the_codec()
        {
            var codec = new MessageCodec(MessageFraming.Line, new UTF8Encoding(false), 1 << 20);
            var texts = ArbMap.Default.GeneratorFor<string>()
                .Where(s => s != null && s.IndexOfAny(new[] { '\r', '\n' }) < 0 && IsWellFormedUtf16(s))
                .ArrayOf();
            var cases = from messages in texts from reads in ReadSizes select (messages, reads);

            Prop.ForAll(cases.ToArbitrary(), c =>
            {
                var wire = Concat(c.messages.Select(m => codec.FrameText(m, null)));
                var (frames, _) = Decode(MessageFraming.Line, wire, c.reads);
                return frames.Select(codec.DecodeText).SequenceEqual(c.messages);
            }).Check(Runs);
        }

        private static bool SameMessages(byte[][] expected, List<byte[]> actual) =>
            expected.Length == actual.Count && expected.Zip(actual, (e, a) => e.SequenceEqual(a)).All(same => same);

        // Lone surrogates cannot survive any UTF-8 round trip; they are not text a user can type.
        private static bool IsWellFormedUtf16(string s)
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]) && (i + 1 >= s.Length || !char.IsLowSurrogate(s[++i])))
                {
                    return false;
                }

                if (char.IsLowSurrogate(s[i]) && (i == 0 || !char.IsHighSurrogate(s[i - 1])))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
