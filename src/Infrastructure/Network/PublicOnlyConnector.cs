using System.Net;
using System.Net.Sockets;

namespace Messaging.Infrastructure.Network;

/// <summary>
/// A connect step for <see cref="SocketsHttpHandler"/> that resolves the host itself and connects only to public
/// addresses, so a host name that resolves (or is rebound) to an internal address is refused before a byte is sent.
/// Hosts for which <c>trusted</c> answers true are the service's own configured peers and may be anywhere.
/// </summary>
public static class PublicOnlyConnector
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Create(Func<DnsEndPoint, bool> trusted)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        return async (context, cancellationToken) =>
        {
            var endPoint = context.DnsEndPoint;
            var addresses = await HostAddresses.ResolveAsync(endPoint.Host, cancellationToken);
            if (!trusted(endPoint) && (addresses.Length == 0 || addresses.Any(NonPublicAddresses.Contains)))
            {
                throw new HttpRequestException(
                    HttpRequestError.ConnectionError,
                    $"{endPoint.Host} resolves to an address that is not public; no connection was made.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                // The addresses checked above, not a second lookup that could answer differently.
                await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
    }
}
