using System;
using PSSocketChat.Module;
using Xunit;

namespace PSSocketChat.Module.Tests.Values
{
    public class PlainTextTests
    {
        [Fact]
        public void Text_numbers_and_lists_of_them_are_text()
        {
            PlainText.RequireText("hola");
            PlainText.RequireText(42);
            PlainText.RequireText(new object[] { "a", 1, 2.5 });
            PlainText.RequireText(null);
        }

        [Fact]
        public void The_modules_own_objects_are_refused_with_the_way_to_do_it()
        {
            var error = Assert.Throws<ArgumentException>(() => PlainText.RequireText(new SocketServerOptions()));

            Assert.Contains("SocketServerOptions is not text", error.Message);
            Assert.Contains("-Message", error.Message);
            Assert.Throws<ArgumentException>(() => PlainText.RequireText(new object[] { "a", new SocketClientOptions() }));
        }
    }
}
