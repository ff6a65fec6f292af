using System;
using System.Net;
using System.Text;
using PSSocketChat.Module;
using Xunit;

namespace PSSocketChat.Module.Tests.Values
{
    public class ValueParsingTests
    {
        public static TheoryData<object, TimeSpan> Timeouts_ => new TheoryData<object, TimeSpan>
        {
            { 5, TimeSpan.FromSeconds(5) },
            { 5L, TimeSpan.FromSeconds(5) },
            { 0.5, TimeSpan.FromMilliseconds(500) },
            { 2.5m, TimeSpan.FromMilliseconds(2500) },
            { "7", TimeSpan.FromSeconds(7) },
            { "00:01:30", TimeSpan.FromSeconds(90) },
            { TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2) },
            { 0, TimeSpan.Zero },
        };

        [Theory]
        [MemberData(nameof(Timeouts_))]
        public void A_timeout_is_a_TimeSpan_or_a_number_of_seconds(object value, TimeSpan expected)
        {
            Assert.Equal(expected, Timeouts.FromValue(value));
        }

        [Theory]
        [InlineData("soon")]
        [InlineData(-1)]
        [InlineData(double.NaN)]
        public void A_timeout_that_is_not_one_is_refused_with_a_reason(object value)
        {
            var error = Assert.ThrowsAny<ArgumentException>(() => Timeouts.FromValue(value));

            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }

        [Theory]
        [InlineData("0.0.0.0", "0.0.0.0")]
        [InlineData("*", "0.0.0.0")]
        [InlineData("Any", "0.0.0.0")]
        [InlineData("localhost", "127.0.0.1")]
        [InlineData("::", "::")]
        [InlineData(" ::1 ", "::1")]
        [InlineData("192.168.1.20", "192.168.1.20")]
        public void A_listen_address_is_an_IP_or_a_friendly_name(string text, string expected)
        {
            Assert.Equal(IPAddress.Parse(expected), ListenAddress.Parse(text));
        }

        [Fact]
        public void A_listen_address_that_is_not_one_says_what_to_use()
        {
            var error = Assert.Throws<ArgumentException>(() => ListenAddress.Parse("server.example"));

            Assert.Contains("0.0.0.0", error.Message);
        }

        [Theory]
        [InlineData("utf8", "utf-8")]
        [InlineData("UTF8", "utf-8")]
        [InlineData("ascii", "us-ascii")]
        [InlineData("latin1", "iso-8859-1")]
        [InlineData("unicode", "utf-16")]
        [InlineData("bigendianunicode", "utf-16BE")]
        [InlineData("utf32", "utf-32")]
        [InlineData("iso-8859-1", "iso-8859-1")]
        [InlineData("65001", "utf-8")]
        public void Encodings_are_found_by_the_names_PowerShell_users_write(string name, string webName)
        {
            Assert.Equal(webName, TextEncodings.Resolve(name).WebName);
        }

        [Fact]
        public void UTF8_from_a_name_writes_no_byte_order_mark()
        {
            Assert.Empty(TextEncodings.Resolve("utf8").GetPreamble());
        }

        [Fact]
        public void An_unknown_encoding_lists_the_ones_to_use()
        {
            var error = Assert.Throws<ArgumentException>(() => TextEncodings.Resolve("klingon"));

            Assert.Contains("utf8", error.Message);
            Assert.Contains("'klingon'", error.Message);
        }
    }
}
