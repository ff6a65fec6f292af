using System.Net;
using System.Net.Sockets;

namespace PSSocketChat
{
    /// <summary>Turns the OS's socket errors into errors that name the endpoint and say what to do.</summary>
    internal static class SocketExceptionMapping
    {
        public static SocketChatException ForListen(SocketException error, IPEndPoint endPoint)
        {
            var (kind, why) = error.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => (SocketErrorKind.AddressInUse,
                    "the address is already in use; another program (or another server in this session) listens on that port"),
                SocketError.AddressNotAvailable => (SocketErrorKind.AddressNotAvailable,
                    "the address does not belong to this machine"),
                SocketError.AccessDenied => (SocketErrorKind.AccessDenied,
                    "permission denied; ports below 1024 need elevated rights on many systems"),
                _ => (SocketErrorKind.ListenFailed, error.Message),
            };
            return new SocketChatException(kind, $"Cannot listen on {endPoint}: {why}.", endPoint.ToString(), error);
        }

        public static SocketChatException ForResolve(SocketException error, string hostName) => new SocketChatException(
            SocketErrorKind.HostNotFound,
            $"Cannot resolve the host name '{hostName}': {error.Message}",
            hostName,
            error);

        public static SocketChatException ForConnect(SocketException error, string target) => error.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => new SocketChatException(
                SocketErrorKind.ConnectionRefused,
                $"Cannot connect to {target}: the connection was refused; no server is listening there.",
                target,
                error),
            SocketError.TimedOut => ForTimeout(target, error),
            _ => new SocketChatException(SocketErrorKind.ConnectFailed, $"Cannot connect to {target}: {error.Message}", target, error),
        };

        public static SocketChatException ForTimeout(string target, System.Exception? cause = null) => new SocketChatException(
            SocketErrorKind.ConnectTimeout,
            $"Cannot connect to {target}: no answer within the connect timeout.",
            target,
            cause);
    }
}
