using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// A real HTTP server on 127.0.0.1 that records every request and answers as its test says: a stand-in for Twilio's
/// API or CDN, for a host that must never be asked, or for a misbehaving one. With <c>https</c> it serves
/// <see cref="TestCertificate"/>, like Twilio's hosts serve theirs.
/// </summary>
public sealed class FakeMediaHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string PathAndQuery, string? Authorization)> _requests = new();

    private FakeMediaHost(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<(string PathAndQuery, string? Authorization)> Requests => _requests.ToArray();

    public static async Task<FakeMediaHost> StartAsync(RequestDelegate answer, bool https = false)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (https)
            {
                listen.UseHttps(TestCertificate.Certificate);
            }
        }));
        var host = new FakeMediaHost(builder.Build());
        host._app.Run(context =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            host._requests.Enqueue((context.Request.Path + context.Request.QueryString, authorization.Length == 0 ? null : authorization));
            return answer(context);
        });
        await host._app.StartAsync();
        var address = host._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        host.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return host;
    }

    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>This host's address under the name <c>localhost</c> instead of its IP address.</summary>
    public Uri LocalhostUrl(string path) => new UriBuilder(Url(path)) { Host = "localhost" }.Uri;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
