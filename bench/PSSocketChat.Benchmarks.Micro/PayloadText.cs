using System;
using System.Text;

namespace PSSocketChat.Benchmarks.Micro
{
    /// <summary>What a payload's bytes are: plain ASCII, or UTF-8 text where a good share of characters take 2 or 3 bytes.</summary>
    public enum PayloadText
    {
        Ascii,
        Utf8,
    }

    internal static class PayloadTexts
    {
        // Neither holds CR or LF, so every framing, Line included, carries them as one message.
        private const string AsciiPattern = "The quick brown fox jumps over the lazy dog 0123456789. ";

        // 'ñ' is 2 bytes and '€' 3 in UTF-8: 10 bytes for 6 characters, so the decoder's non-ASCII path does real work.
        private const string Utf8Pattern = "año€ñ ";

        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>Text whose UTF-8 encoding is exactly <paramref name="size"/> bytes: the pattern repeated, then ASCII padding.</summary>
        public static string Of(PayloadText kind, int size)
        {
            var pattern = kind == PayloadText.Ascii ? AsciiPattern : Utf8Pattern;
            var patternBytes = Utf8.GetByteCount(pattern);
            var text = new StringBuilder();
            var bytes = 0;
            while (bytes + patternBytes <= size)
            {
                text.Append(pattern);
                bytes += patternBytes;
            }

            text.Append('x', size - bytes);
            var result = text.ToString();
            if (Utf8.GetByteCount(result) != size)
            {
                throw new InvalidOperationException($"The {kind} payload text is not {size} bytes in UTF-8.");
            }

            return result;
        }

        public static byte[] BytesOf(PayloadText kind, int size) => Utf8.GetBytes(Of(kind, size));

        public static string Name(PayloadText kind) => kind == PayloadText.Ascii ? "ASCII" : "UTF-8";
    }
}
