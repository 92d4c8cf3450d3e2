using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// A real HTTP server on 127.0.0.1 that records every request and answers as its test says: a stand-in for Twilio's
/// API or CDN, for a host that must never be asked, or for a misbehaving one. With <c>https</c> it serves
/// <see cref="TestCertificate"/>, like Twilio's hosts serve theirs.
/// </summary>
public sealed class FakeMediaHost : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string PathAndQuery, string? Authorization)> _requests = new();
    private LoopbackServer _server = null!;

    private FakeMediaHost()
    {
    }

    public Uri BaseAddress => _server.BaseAddress;

    public IReadOnlyList<(string PathAndQuery, string? Authorization)> Requests => _requests.ToArray();

    public static async Task<FakeMediaHost> StartAsync(RequestDelegate answer, bool https = false)
    {
        var host = new FakeMediaHost();
        host._server = await LoopbackServer.StartAsync(
            app => app.Run(context =>
            {
                var authorization = context.Request.Headers.Authorization.ToString();
                host._requests.Enqueue((context.Request.Path + context.Request.QueryString, authorization.Length == 0 ? null : authorization));
                return answer(context);
            }),
            certificate: https ? TestCertificate.Certificate : null);
        return host;
    }

    public Uri Url(string path) => _server.Url(path);

    /// <summary>This host's address under the name <c>localhost</c> instead of its IP address.</summary>
    public Uri LocalhostUrl(string path) => new UriBuilder(Url(path)) { Host = "localhost" }.Uri;

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
