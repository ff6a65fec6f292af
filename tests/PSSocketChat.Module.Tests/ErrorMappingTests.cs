using System;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace PSSocketChat.Module.Tests
{
    public class ErrorMappingTests
    {
        [Fact]
        public void Every_engine_error_has_a_category_and_a_distinct_stable_id()
        {
            var kinds = Enum.GetValues(typeof(SocketErrorKind)).Cast<SocketErrorKind>().ToList();

            Assert.All(kinds, k => Assert.NotEqual(ErrorCategory.NotSpecified, ErrorMapping.CategoryFor(k)));
            Assert.Equal(kinds.Count, kinds.Select(ErrorMapping.IdFor).Distinct().Count());
            Assert.All(kinds, k => Assert.Matches("^[A-Za-z]+$", ErrorMapping.IdFor(k)));
        }

        [Theory]
        [InlineData(SocketErrorKind.AddressInUse, ErrorCategory.ResourceUnavailable)]
        [InlineData(SocketErrorKind.ConnectionRefused, ErrorCategory.ConnectionError)]
        [InlineData(SocketErrorKind.ConnectTimeout, ErrorCategory.OperationTimeout)]
        [InlineData(SocketErrorKind.InvalidMessage, ErrorCategory.InvalidArgument)]
        [InlineData(SocketErrorKind.MessageTooLarge, ErrorCategory.InvalidArgument)]
        [InlineData(SocketErrorKind.ServerNotFound, ErrorCategory.ObjectNotFound)]
        [InlineData(SocketErrorKind.NameInUse, ErrorCategory.ResourceExists)]
        [InlineData(SocketErrorKind.ReceiveTimeout, ErrorCategory.OperationTimeout)]
        public void Errors_have_the_categories_users_expect(SocketErrorKind kind, ErrorCategory category)
        {
            Assert.Equal(category, ErrorMapping.CategoryFor(kind));
            Assert.Equal((kind.ToString(), category), ErrorMapping.For(new SocketChatException(kind, "x")));
        }

        [Fact]
        public void Bad_values_are_InvalidArgument_and_anything_else_is_unexpected()
        {
            Assert.Equal(("InvalidArgument", ErrorCategory.InvalidArgument), ErrorMapping.For(new ArgumentException("bad")));
            Assert.Equal(("UnexpectedError", ErrorCategory.NotSpecified), ErrorMapping.For(new InvalidOperationException()));
        }
    }
}
