using System.Net;

namespace PSSocketChat
{
    internal static class Endpoints
    {
        /// <summary>An IPv4 client of a dual-mode IPv6 listener shows as its plain IPv4 address, as users expect.</summary>
        public static IPEndPoint Normalize(IPEndPoint endPoint) =>
            endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;
    }
}
