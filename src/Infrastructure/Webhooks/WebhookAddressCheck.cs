using System.Net;
using System.Net.Sockets;
using Messaging.Application.Webhooks;
using Messaging.Infrastructure.Network;

namespace Messaging.Infrastructure.Webhooks;

/// <summary>
/// Refuses hosts that are, or resolve to, anything but public addresses, unless
/// <see cref="WebhookOptions.AllowPrivateNetworks"/> is on. The dispatcher checks again at every connection, so a name
/// that resolves differently later is refused then.
/// </summary>
internal sealed class WebhookAddressCheck(IOptions<WebhookOptions> options) : IWebhookAddressCheck
{
    public async Task<string?> RefusalFor(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (options.Value.AllowPrivateNetworks)
        {
            return null;
        }

        var host = url.DnsSafeHost;
        IPAddress[] addresses;
        try
        {
            addresses = await HostAddresses.ResolveAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return $"The host '{host}' could not be resolved.";
        }

        if (addresses.Length == 0)
        {
            return $"The host '{host}' could not be resolved.";
        }

        return addresses.Any(NonPublicAddresses.Contains)
            ? $"The host '{host}' is, or resolves to, an address that is not on the public internet (loopback, private, link-local or reserved); webhooks are sent to public addresses only."
            : null;
    }
}
