using System;
using System.Net;

namespace PSSocketChat.Module
{
    /// <summary>Where a server listens, as users write it: an IP address, <c>*</c> or <c>any</c>, or <c>localhost</c>.</summary>
    public static class ListenAddress
    {
        public static IPAddress Parse(string text)
        {
            switch (text?.Trim().ToLowerInvariant())
            {
                case null:
                case "":
                    throw new ArgumentException("An IP address is required.", nameof(text));
                case "*":
                case "any":
                    return IPAddress.Any;
                case "localhost":
                    return IPAddress.Loopback;
            }

            if (IPAddress.TryParse(text!.Trim(), out var address))
            {
                return address;
            }

            throw new ArgumentException(
                $"'{text}' is not an IP address. Use an address of this machine such as 0.0.0.0 (all IPv4), :: (all), 127.0.0.1 or ::1.",
                nameof(text));
        }
    }
}
