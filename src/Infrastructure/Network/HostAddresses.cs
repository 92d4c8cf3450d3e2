using System.Net;

namespace Messaging.Infrastructure.Network;

/// <summary>The addresses a host name stands for: itself when it is an address literal, otherwise what DNS answers.</summary>
public static class HostAddresses
{
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        return IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
    }
}
