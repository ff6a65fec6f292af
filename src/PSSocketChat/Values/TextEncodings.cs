using System;
using System.Globalization;
using System.Text;

namespace PSSocketChat.Module
{
    /// <summary>Encoding names as PowerShell users write them (<c>utf8</c>, <c>ascii</c>, <c>latin1</c>, ...) or any name or code page .NET knows.</summary>
    public static class TextEncodings
    {
        /// <summary>The names offered by tab completion.</summary>
        public static readonly string[] CommonNames = { "utf8", "ascii", "latin1", "unicode", "bigendianunicode", "utf32" };

        public static Encoding Resolve(string name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("An encoding name is required.", nameof(name));
            }

            switch (name.Trim().ToLowerInvariant())
            {
                case "utf8":
                case "utf-8":
                case "utf8nobom":
                case "utf8bom":
                    return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
                case "ascii":
                    return Encoding.ASCII;
                case "latin1":
                    return Encoding.GetEncoding("iso-8859-1");
                case "unicode":
                    return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
                case "bigendianunicode":
                    return new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
                case "utf32":
                    return new UTF32Encoding(bigEndian: false, byteOrderMark: false);
            }

            try
            {
                return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var codePage)
                    ? Encoding.GetEncoding(codePage)
                    : Encoding.GetEncoding(name);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException)
            {
                throw new ArgumentException(
                    $"'{name}' is not an encoding this system knows. Use {string.Join(", ", CommonNames)}, or a code page name or number.",
                    nameof(name),
                    e);
            }
        }
    }
}
