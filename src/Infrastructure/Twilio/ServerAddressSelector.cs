using System.Net;
using Microsoft.AspNetCore.Http;

namespace Messaging.Infrastructure.Twilio;

/// <summary>Picks the address a process on this machine can call this service at from the addresses the server listens on.</summary>
internal static class ServerAddressSelector
{
    private const string Loopback = "127.0.0.1";

    /// <summary>
    /// An http loopback address if there is one, else any loopback address, else the first http one. Wildcard hosts
    /// (<c>+</c>, <c>*</c>, <c>0.0.0.0</c>, <c>[::]</c>) listen on every interface, loopback included, and become
    /// <c>127.0.0.1</c>. Null when the server reports no usable address.
    /// </summary>
    public static Uri? Pick(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        return addresses
            .Select(ToCallable)
            .OfType<Uri>()
            .OrderBy(Rank)
            .FirstOrDefault();
    }

    private static Uri? ToCallable(string address)
    {
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return null;
        }

        if (binding.IsUnixPipe || binding.IsNamedPipe
            || (binding.Scheme != Uri.UriSchemeHttp && binding.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var host = IsWildcard(binding.Host) ? Loopback : binding.Host;
        return Uri.TryCreate($"{binding.Scheme}://{host}:{binding.Port}{binding.PathBase}/", UriKind.Absolute, out var uri)
            ? uri
            : null;
    }

    private static bool IsWildcard(string host) => host is "+" or "*" or "0.0.0.0" or "[::]" or "::";

    private static int Rank(Uri uri)
    {
        var http = uri.Scheme == Uri.UriSchemeHttp;
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        return (loopback, http) switch
        {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => 2,
            _ => 3,
        };
    }
}
