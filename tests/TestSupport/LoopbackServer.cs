using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.TestSupport;

/// <summary>
/// A real HTTP server on 127.0.0.1 that a test stands up for itself (a stand-in for Twilio, a webhook receiver, a
/// subscriber): only Kestrel and what the test maps, started before it is returned.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <param name="map">What the server answers with.</param>
    /// <param name="port">The port to listen on; 0 for any free one.</param>
    /// <param name="certificate">Serves https with it instead of http.</param>
    /// <param name="build">Configuration and services the answer needs.</param>
    /// <param name="protocols">The HTTP versions served; without TLS, HTTP/2 must be asked for alone (prior knowledge, as gRPC clients use it).</param>
    public static async Task<LoopbackServer> StartAsync(
        Action<WebApplication> map,
        int port = 0,
        X509Certificate2? certificate = null,
        Action<WebApplicationBuilder>? build = null,
        HttpProtocols protocols = HttpProtocols.Http1AndHttp2)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            listen.Protocols = protocols;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        build?.Invoke(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public Uri Url(string path) => new(BaseAddress, path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
