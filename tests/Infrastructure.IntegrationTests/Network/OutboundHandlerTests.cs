using System.Collections.Concurrent;
using Messaging.Infrastructure.Network;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Messaging.Infrastructure.IntegrationTests.Network;

public sealed class OutboundHandlerTests
{
    private readonly ConcurrentQueue<string> _received = new();
    private LoopbackServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() =>
        _server = await LoopbackServer.StartAsync(app => app.Run(context =>
        {
            _received.Enqueue($"{context.Request.Path} cookie={context.Request.Headers.Cookie}");
            context.Response.Headers.Append("Set-Cookie", "session=1; Path=/");
            context.Response.Redirect("/moved");
            return Task.CompletedTask;
        }));

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [SetUp]
    public void Forget() => _received.Clear();

    [Test]
    public async Task A_host_that_is_not_trusted_and_not_public_is_refused_before_any_request_is_sent()
    {
        using var client = new HttpClient(OutboundHandler.Create(_ => false));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(_server.BaseAddress));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.HttpRequestError, Is.EqualTo(HttpRequestError.ConnectionError));
            Assert.That(_received, Is.Empty, "nothing reached the server");
        });
    }

    [Test]
    public async Task A_trusted_host_is_reached_but_its_redirects_and_cookies_are_not_acted_on()
    {
        using var client = new HttpClient(OutboundHandler.Create(endPoint => endPoint.Port == _server.BaseAddress.Port));

        using var first = await client.GetAsync(new Uri(_server.BaseAddress, "/start"));
        using var second = await client.GetAsync(new Uri(_server.BaseAddress, "/again"));

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the redirect is the caller's to judge");
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(_received, Is.EqualTo(new[] { "/start cookie=", "/again cookie=" }), "neither followed nor sent back");
        });
    }
}
