using Xunit;

namespace PSSocketChat.Tests.Values
{
    public class NamePatternTests
    {
        [Theory]
        [InlineData("chat", "Chat", true)]
        [InlineData("chat", "chat2", false)]
        [InlineData("chat*", "chatroom", true)]
        [InlineData("*room", "ChatRoom", true)]
        [InlineData("c?at", "chat", true)]
        [InlineData("c?at", "cat", false)]
        [InlineData("server[12]", "Server2", true)]
        [InlineData("server[1-3]", "server3", true)]
        [InlineData("server[1-3]", "server4", false)]
        [InlineData("a`*b", "a*b", true)]
        [InlineData("a`*b", "axb", false)]
        [InlineData("dots.and+plus", "dots.and+plus", true)]
        [InlineData("dots.and+plus", "dotsXand+plus", false)]
        public void Matches_as_PowerShell_wildcards_do_ignoring_case(string pattern, string name, bool matches)
        {
            Assert.Equal(matches, new NamePattern(pattern).IsMatch(name));
        }

        [Theory]
        [InlineData("plain", false)]
        [InlineData("star*", true)]
        [InlineData("q?", true)]
        [InlineData("[ab]", true)]
        [InlineData("escaped`*", false)]
        public void Knows_a_plain_name_from_a_wildcard(string pattern, bool isWildcard)
        {
            Assert.Equal(isWildcard, new NamePattern(pattern).IsWildcard);
        }
    }
}
