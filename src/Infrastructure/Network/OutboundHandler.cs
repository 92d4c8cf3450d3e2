using System.Net;

namespace Messaging.Infrastructure.Network;

/// <summary>
/// The primary handler of every client that calls an address taken from data rather than from configuration (a media
/// URL in a message, a subscriber's webhook): the handler follows no redirect, since one could point anywhere with the
/// credentials or signature still attached; it keeps no cookies, uses no proxy (the connection checked must be the one
/// to the host), and connects through <see cref="PublicOnlyConnector"/>. Pooled connections are renewed so a host that
/// moves is resolved, and checked, again.
/// </summary>
internal static class OutboundHandler
{
    /// <param name="trusted">The service's own configured peers, which may be anywhere, such as loopback.</param>
    public static SocketsHttpHandler Create(Func<DnsEndPoint, bool> trusted) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = PublicOnlyConnector.Create(trusted),
    };
}
