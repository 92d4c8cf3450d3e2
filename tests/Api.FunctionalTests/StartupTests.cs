using System.Text.RegularExpressions;
using Messaging.Api.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Messaging.Api.FunctionalTests;

public sealed partial class StartupTests
{
    [Test]
    public void Outside_development_the_service_refuses_to_start_without_an_api_key()
    {
        using var factory = new MessagingApiFactory(settings: null, withApiKeys: false);

        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(failure!.Message, Does.Contain("No API keys are configured"));
    }

    [Test]
    public void A_malformed_key_entry_stops_the_start_and_names_the_setting()
    {
        using var factory = new MessagingApiFactory(new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:4:Name"] = "broken",
            ["Auth:ApiKeys:4:Sha256"] = "not-a-hash",
            ["Auth:ApiKeys:4:Scopes:0"] = "messages:delete",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(failure!.Message, Does.Contain("Auth:ApiKeys:4:Sha256").And.Contain("Auth:ApiKeys:4:Scopes"));
    }

    [Test]
    public async Task A_generated_key_works_once_its_printed_entry_is_configured()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = ApiKeyGenerator.TryRun(["generate-api-key", "ops-dashboard"], output, error);

        Assert.That(exitCode, Is.Zero, error.ToString());
        var printed = output.ToString();
        var key = KeyLine().Match(printed).Groups[1].Value;
        var hash = HashLine().Match(printed).Groups[1].Value;
        Assert.That(key, Has.Length.GreaterThanOrEqualTo(43));
        Assert.That(hash, Is.EqualTo(TestApiKey.Sha256Hex(key)));
        Assert.That(printed, Does.Contain("\"Name\": \"ops-dashboard\"").And.Contain(hash));

        using var factory = new MessagingApiFactory(new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:4:Name"] = "ops-dashboard",
            ["Auth:ApiKeys:4:Sha256"] = hash,
            ["Auth:ApiKeys:4:Scopes:0"] = "messages:read",
        });
        using var client = factory.CreateClient(key);
        using var response = await client.GetAsync(new Uri("/api/messages", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void Outside_development_the_service_refuses_to_start_without_twilio_credentials_rather_than_trust_the_public_token()
    {
        using var factory = new MessagingApiFactory(new Dictionary<string, string?>
        {
            ["Twilio:UseEmulator"] = "false",
            ["AllowedHosts"] = "localhost",
        });
        using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var failure = Assert.Throws<OptionsValidationException>(() => production.CreateClient());

        Assert.That(failure!.Message, Does.Contain("Twilio credentials are required outside Development"));
    }

    [TestCase("*")]
    [TestCase("")]
    [TestCase("support.example.com;*")]
    public void In_production_the_service_refuses_to_start_while_any_host_is_allowed(string allowedHosts)
    {
        using var factory = new MessagingApiFactory(new Dictionary<string, string?> { ["AllowedHosts"] = allowedHosts });
        using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var failure = Assert.Throws<OptionsValidationException>(() => production.CreateClient());

        Assert.That(failure!.Message, Does.Contain("AllowedHosts admits any host in Production"));
    }

    [Test]
    public async Task In_production_named_hosts_are_served_and_other_hosts_refused()
    {
        using var factory = new MessagingApiFactory(new Dictionary<string, string?> { ["AllowedHosts"] = "support.example.com;localhost" });
        using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient();

        using var allowed = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        request.Headers.Host = "evil.example";
        using var refused = await client.SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [TestCase("0")]
    [TestCase("-1")]
    public void A_connection_limit_below_one_stops_the_start(string limit) =>
        Assert.That(ApiTestContext.StartRefusal("Api:MaxConcurrentConnections", limit), Does.Contain("Api:MaxConcurrentConnections"));

    [Test]
    public void The_connection_limit_is_the_servers()
    {
        using var factory = new MessagingApiFactory(new Dictionary<string, string?> { ["Api:MaxConcurrentConnections"] = "500" });
        factory.CreateClient().Dispose();

        var kestrel = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.That(kestrel.Limits.MaxConcurrentConnections, Is.EqualTo(500));
    }

    [TestCase("0")]
    [TestCase("10001")]
    public void A_stream_limit_out_of_range_stops_the_start(string limit) =>
        Assert.That(ApiTestContext.StartRefusal("Events:MaxStreamsPerKey", limit), Does.Contain("Events:MaxStreamsPerKey"));

    [TestCase]
    [TestCase("generate-api-key")]
    [TestCase("generate-api-key", "")]
    [TestCase("generate-api-key", "a", "b")]
    public void The_generator_runs_only_when_asked_and_explains_its_usage(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = ApiKeyGenerator.TryRun(args, output, error);

        Assert.That(exitCode, args.Length == 0 ? Is.Null : Is.EqualTo(2));
        Assert.That(output.ToString(), Is.Empty);
        Assert.That(error.ToString(), args.Length == 0 ? Is.Empty : Does.StartWith("Usage: generate-api-key <name>"));
    }

    [TestCase("Webhooks:AllowHttp")]
    [TestCase("Webhooks:AllowPrivateNetworks")]
    public void In_production_the_service_refuses_to_start_with_webhooks_to_http_or_private_addresses_allowed(string setting)
    {
        using var factory = new MessagingApiFactory(new Dictionary<string, string?> { [setting] = "true", ["AllowedHosts"] = "localhost" });
        using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var failure = Assert.Catch(() => production.CreateClient());

        // Production may refuse other test settings as well; this one must be among the reasons.
        var reasons = failure is AggregateException all ? all.InnerExceptions.Select(e => e.Message) : [failure!.Message];
        Assert.That(string.Join("\n", reasons), Does.Contain($"{setting} must be false in Production"));
    }

    [TestCase("Webhooks:MaxSubscriptions", "0")]
    [TestCase("Webhooks:GiveUpAfter", "00:00:00")]
    [TestCase("Webhooks:AttemptTimeout", "-00:00:01")]
    [TestCase("Webhooks:LeaseDuration", "00:00:05")]
    [TestCase("Webhooks:MaxRetryDelay", "00:00:01")]
    [TestCase("Webhooks:MaxConcurrentAttempts", "0")]
    [TestCase("Twilio:Resilience:MaxRetryAttempts", "99")]
    [TestCase("Twilio:Resilience:AttemptTimeoutSeconds", "0")]
    public void Settings_out_of_range_stop_the_start_and_are_named_once(string setting, string value)
    {
        // One reason, not an AggregateException repeating it (Twilio:Resilience also feeds the HTTP pipeline built from it).
        Assert.That(ApiTestContext.StartRefusal(setting, value), Does.Contain(setting));
    }

    [GeneratedRegex(@"API key \(.*\): (\S+)")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"SHA-256: ([0-9a-f]{64})")]
    private static partial Regex HashLine();
}
