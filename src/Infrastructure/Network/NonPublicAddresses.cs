using System.Net;
using System.Net.Sockets;

namespace Messaging.Infrastructure.Network;

/// <summary>
/// Addresses that do not belong to the public internet: loopback, private and shared ranges, link-local (where cloud
/// metadata services answer), multicast and the unspecified address, also when written as an IPv6 address that carries
/// one of them. A URL that came from outside must never make this service connect to one of them, or anyone who can name
/// a URL could reach what sits behind our network boundary.
/// </summary>
public static class NonPublicAddresses
{
    private static readonly IPNetwork[] Ranges =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.88.99.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("64:ff9b:1::/48"),
        IPNetwork.Parse("100::/64"),
        // Teredo: the IPv4 address of the client it reaches is obfuscated, so it cannot be judged like 6to4's.
        IPNetwork.Parse("2001::/32"),
        IPNetwork.Parse("2001:2::/48"),
        IPNetwork.Parse("2001:db8::/32"),
        IPNetwork.Parse("3fff::/20"),
        IPNetwork.Parse("5f00::/16"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        // Site-local is deprecated, but a network that still routes it keeps it internal.
        IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    // IPv6 prefixes whose addresses carry an IPv4 address and are delivered to that IPv4 host, by a NAT64 translator,
    // a 6to4 relay or the host's own tunnel.
    private static readonly IPNetwork Nat64WellKnown = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork IPv4Compatible = IPNetwork.Parse("::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    public static bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);

        // An IPv4 address written as IPv6 (::ffff:10.0.0.1, 64:ff9b::a00:1, 2002:a00:1::) reaches the IPv4 host; judge
        // it as that host. A public IPv4 host reached this way stays public: IPv6-only networks reach IPv4 through NAT64.
        var candidate = CarriedIPv4(address) ?? address;
        if (candidate.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return true;
        }

        foreach (var range in Ranges)
        {
            if (range.BaseAddress.AddressFamily == candidate.AddressFamily && range.Contains(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static IPAddress? CarriedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();

        // :: and ::1 lie in ::/96 too, but they are IPv6's own unspecified and loopback addresses, judged as such.
        if (Nat64WellKnown.Contains(address)
            || (IPv4Compatible.Contains(address) && !IsUnspecifiedOrLoopback(bytes)))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return SixToFour.Contains(address) ? new IPAddress(bytes.AsSpan(2, 4)) : null;
    }

    private static bool IsUnspecifiedOrLoopback(byte[] bytes) => bytes.AsSpan(0, 15).IndexOfAnyExcept((byte)0) < 0 && bytes[15] <= 1;
}
