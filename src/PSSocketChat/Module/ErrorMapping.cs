using System;
using System.Management.Automation;

namespace PSSocketChat.Module
{
    /// <summary>The one place engine errors become PowerShell error ids and categories.</summary>
    public static class ErrorMapping
    {
        /// <summary>The stable error id: the kind's name, so scripts can match <c>AddressInUse,PSSocketChat.Commands.*</c>.</summary>
        public static string IdFor(SocketErrorKind kind) => kind.ToString();

        public static ErrorCategory CategoryFor(SocketErrorKind kind) => kind switch
        {
            SocketErrorKind.AddressInUse => ErrorCategory.ResourceUnavailable,
            SocketErrorKind.ListenFailed => ErrorCategory.ResourceUnavailable,
            SocketErrorKind.AddressNotAvailable => ErrorCategory.InvalidArgument,
            SocketErrorKind.AccessDenied => ErrorCategory.PermissionDenied,
            SocketErrorKind.HostNotFound => ErrorCategory.ObjectNotFound,
            SocketErrorKind.ConnectionRefused => ErrorCategory.ConnectionError,
            SocketErrorKind.ConnectFailed => ErrorCategory.ConnectionError,
            SocketErrorKind.ConnectTimeout => ErrorCategory.OperationTimeout,
            SocketErrorKind.ConnectionClosed => ErrorCategory.ConnectionError,
            SocketErrorKind.InvalidMessage => ErrorCategory.InvalidArgument,
            SocketErrorKind.MessageTooLarge => ErrorCategory.InvalidArgument,
            SocketErrorKind.NameInUse => ErrorCategory.ResourceExists,
            SocketErrorKind.ServerNotFound => ErrorCategory.ObjectNotFound,
            SocketErrorKind.ConnectionNotFound => ErrorCategory.ObjectNotFound,
            SocketErrorKind.ReplyTimeout => ErrorCategory.OperationTimeout,
            SocketErrorKind.ReceiveTimeout => ErrorCategory.OperationTimeout,
            _ => ErrorCategory.NotSpecified,
        };

        /// <summary>Id and category for any exception a cmdlet may meet: engine errors by kind, bad values as InvalidArgument.</summary>
        public static (string Id, ErrorCategory Category) For(Exception exception) => exception switch
        {
            SocketChatException chat => (IdFor(chat.Kind), CategoryFor(chat.Kind)),
            ArgumentException _ => ("InvalidArgument", ErrorCategory.InvalidArgument),
            _ => ("UnexpectedError", ErrorCategory.NotSpecified),
        };

        public static ErrorRecord ToErrorRecord(Exception exception, object? target)
        {
            var (id, category) = For(exception);
            if (exception is ArgumentException argument && argument.ParamName != null)
            {
                exception = new ArgumentException(WithoutParameterName(argument), argument);
            }

            return new ErrorRecord(exception, id, category, (exception as SocketChatException)?.Target ?? target);
        }

        /// <summary>
        /// The message without what .NET appends for developers: " (Parameter 'name')" in .NET, "Parameter name: name"
        /// on a new line in .NET Framework, and after either an out-of-range value. The user named no such parameter.
        /// </summary>
        public static string WithoutParameterName(ArgumentException exception)
        {
            var message = exception.Message;
            var suffix = new ArgumentException(string.Empty, exception.ParamName).Message;
            var at = suffix.Length == 0 ? -1 : message.IndexOf(suffix, StringComparison.Ordinal);
            return at > 0 ? message.Substring(0, at).TrimEnd() : message;
        }
    }
}
