using System.Linq;
using System.Net;
using System.Threading;
using PSSocketChat.Module;
using Xunit;

namespace PSSocketChat.Module.Tests
{
    public class CompletionsTests
    {
        [Fact]
        public void Names_complete_by_prefix_ignoring_case_and_quotes_and_are_quoted_when_needed()
        {
            var registry = new SocketRegistry();
            try
            {
                registry.StartServer(new SocketServerOptions { Address = IPAddress.Loopback, Port = 0, Name = "chat room" });
                registry.StartServer(new SocketServerOptions { Address = IPAddress.Loopback, Port = 0, Name = "Chat2" });
                registry.StartServer(new SocketServerOptions { Address = IPAddress.Loopback, Port = 0, Name = "logs" });

                var offers = Completions.ServerNames(registry, "'CH").ToList();

                Assert.Equal(new[] { "'chat room'", "Chat2" }, offers.Select(o => o.CompletionText));
                Assert.Equal(new[] { "chat room", "Chat2" }, offers.Select(o => o.ListItemText));
                Assert.All(offers, o => Assert.Contains("127.0.0.1", o.ToolTip));
                Assert.Equal(3, Completions.ServerNames(registry, null).Count());
            }
            finally
            {
                registry.CloseAll(System.TimeSpan.FromSeconds(30));
            }
        }

        [Fact]
        public void Object_parameters_complete_to_an_expression_that_fetches_the_open_object()
        {
            var registry = new SocketRegistry();
            try
            {
                var server = registry.StartServer(new SocketServerOptions { Address = IPAddress.Loopback, Port = 0 });
                var connection = registry.Connect("127.0.0.1", server.LocalEndPoint.Port, new SocketClientOptions { Name = "mine" }, CancellationToken.None);

                Assert.Contains(Completions.Connections(registry, "mi"), o => o.CompletionText == $"(Get-SocketConnection -Id {connection.Id})");
                Assert.Equal($"(Get-SocketServer -Id {server.Id})", Assert.Single(Completions.Servers(registry, "")).CompletionText);
                Assert.Contains(Completions.ConnectionIds(registry, connection.Id.ToString()), o => o.CompletionText == connection.Id.ToString());

                connection.Close();
                Assert.DoesNotContain(Completions.Connections(registry, ""), o => o.ListItemText == "mine");
            }
            finally
            {
                registry.CloseAll(System.TimeSpan.FromSeconds(30));
            }
        }

        [Theory]
        [InlineData("simple", "simple")]
        [InlineData("with space", "'with space'")]
        [InlineData("it's", "'it''s'")]
        [InlineData("$var", "'$var'")]
        public void Quote_protects_what_PowerShell_would_split_or_expand(string text, string expected)
        {
            Assert.Equal(expected, Completions.Quote(text));
        }

        [Fact]
        public void Encodings_complete_from_the_common_names()
        {
            Assert.Equal(new[] { "utf8", "unicode", "utf32" }, Completions.Encodings("u").Select(o => o.CompletionText));
        }
    }
}
