using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Api.FunctionalTests;

public sealed class HealthAndHeadersTests
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_needs_no_key_and_says_only_healthy(string path)
    {
        using var factory = new MessagingApiFactory();
        using var client = factory.CreateClient(apiKey: null);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Readiness_fails_when_the_database_is_gone_while_liveness_holds()
    {
        using var factory = new MessagingApiFactory();
        using var client = factory.CreateClient(apiKey: null);
        using (await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(factory.DatabasePath)!))
        {
            File.Delete(file);
        }

        Directory.CreateDirectory(factory.DatabasePath);

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await ready.Content.ReadAsStringAsync(), Is.EqualTo("Unhealthy"));
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Readiness_fails_while_migrations_are_not_applied_and_holds_once_they_are()
    {
        using var factory = new MessagingApiFactory(new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });
        using var client = factory.CreateClient(apiKey: null);

        using var before = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MessagingDbContext>().Database.MigrateAsync();
        }

        using var after = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [TestCase("/api/messages", null)]
    [TestCase("/api/messages", TestApiKeys.Full)]
    [TestCase("/api/messages/not-a-guid", TestApiKeys.Full)]
    [TestCase("/health/ready", null)]
    public async Task Every_answer_forbids_sniffing_framing_and_caching(string path, string? apiKey)
    {
        using var factory = new MessagingApiFactory();
        using var client = factory.CreateClient(apiKey);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(response.Headers.Contains("Server"), Is.False);
        });
    }

    [Test]
    public void The_server_does_not_announce_itself_and_limits_bodies_to_64_kib()
    {
        using var factory = new MessagingApiFactory();

        var kestrel = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.That(kestrel.AddServerHeader, Is.False);
        Assert.That(kestrel.Limits.MaxRequestBodySize, Is.EqualTo(64 * 1024));
    }

    [Test]
    public async Task Cors_is_closed_unless_an_origin_is_configured()
    {
        using var closed = new MessagingApiFactory();
        using var open = new MessagingApiFactory(new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = "https://support.example.com",
        });

        using var closedAnswer = await Preflight(closed, "https://support.example.com");
        using var openAnswer = await Preflight(open, "https://support.example.com");
        using var otherOrigin = await Preflight(open, "https://evil.example.net");

        Assert.Multiple(() =>
        {
            Assert.That(closedAnswer.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
            Assert.That(openAnswer.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "https://support.example.com" }));
            Assert.That(string.Join(",", openAnswer.Headers.GetValues("Access-Control-Allow-Headers")), Does.Contain("X-Api-Key").IgnoreCase);
            Assert.That(otherOrigin.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        });
    }

    private static async Task<HttpResponseMessage> Preflight(MessagingApiFactory factory, string origin)
    {
        using var client = factory.CreateClient(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/messages", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-api-key,content-type");
        return await client.SendAsync(request);
    }

    [Test]
    public async Task The_openapi_document_names_no_server_whatever_host_the_request_claims()
    {
        using var factory = new MessagingApiFactory();
        using var client = factory.CreateClient(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/openapi/v1.json", UriKind.Relative));
        request.Headers.Host = "attacker.example";

        using var response = await client.SendAsync(request);

        var document = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(document, Does.Not.Contain("attacker.example"));
            Assert.That(System.Text.Json.Nodes.JsonNode.Parse(document)!["servers"]?.AsArray(), Is.Null.Or.Empty);
        });
    }
}
