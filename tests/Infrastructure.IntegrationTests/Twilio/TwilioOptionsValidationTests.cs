using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Messaging.Infrastructure.IntegrationTests.Twilio;

public sealed class TwilioOptionsValidationTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "0123456789abcdef0123456789abcdef";
    private const string From = "whatsapp:+15551234567";

    [TestCase(AccountSid, null)]
    [TestCase(null, AuthToken)]
    [TestCase(AccountSid, "")]
    public async Task Half_configured_credentials_fail_at_start(string? accountSid, string? authToken)
    {
        using var host = TwilioServices.BuildHost(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = accountSid,
            ["Twilio:AuthToken"] = authToken,
            ["Twilio:From"] = From,
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(failure!.Message, Does.Contain("Twilio:AccountSid and Twilio:AuthToken must both be set"));
    }

    [TestCase("+15551234567")]
    [TestCase("whatsapp:15551234567")]
    [TestCase("whatsapp:+1555abc4567")]
    [TestCase("sms:+15551234567")]
    public async Task A_sender_that_is_not_a_WhatsApp_address_fails_at_start(string from)
    {
        using var host = TwilioServices.BuildHost(new Dictionary<string, string?> { ["Twilio:From"] = from });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(failure!.Message, Does.Contain("Twilio:From"));
    }

    [Test]
    public async Task Credentials_without_a_sender_fail_at_start()
    {
        using var host = TwilioServices.BuildHost(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(failure!.Message, Does.Contain("Twilio:From is required"));
    }

    [Test]
    public async Task An_account_sid_of_the_wrong_shape_fails_at_start()
    {
        using var host = TwilioServices.BuildHost(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "not-a-sid",
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:From"] = From,
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(failure!.Message, Does.Contain("'AC' followed by 32 hexadecimal digits"));
    }

    [Test]
    public async Task A_relative_api_base_url_fails_at_start()
    {
        using var host = TwilioServices.BuildHost(new Dictionary<string, string?> { ["Twilio:ApiBaseUrl"] = "/twilio" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(failure!.Message, Does.Contain("Twilio:ApiBaseUrl"));
    }

    [TestCase("/messaging")]
    [TestCase("ftp://support.example.com")]
    [TestCase("https://support.example.com/?tenant=1")]
    [TestCase("https://support.example.com/#top")]
    public async Task A_public_base_url_that_cannot_prefix_webhook_paths_fails_at_start(string publicBaseUrl)
    {
        using var host = TwilioServices.BuildHost(new Dictionary<string, string?> { ["Twilio:PublicBaseUrl"] = publicBaseUrl });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(failure!.Message, Does.Contain("Twilio:PublicBaseUrl"));
    }

    [Test]
    public async Task Complete_credentials_with_a_WhatsApp_sender_start()
    {
        using var host = TwilioServices.BuildHost(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:From"] = From,
        });

        Assert.That(async () => await host.StartAsync(), Throws.Nothing);
        await host.StopAsync();
    }

    [Test]
    public async Task No_twilio_settings_at_all_start_with_the_emulator()
    {
        using var host = TwilioServices.BuildHost(new Dictionary<string, string?>());

        Assert.That(async () => await host.StartAsync(), Throws.Nothing);
        await host.StopAsync();
    }

    [TestCase("Production")]
    [TestCase("Staging")]
    public async Task Outside_development_no_credentials_fail_at_start_instead_of_trusting_the_public_token(string environment)
    {
        using var host = TwilioServices.BuildHost(new Dictionary<string, string?>(), environment);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(failure!.Message, Does.Contain("Twilio credentials are required outside Development").And.Contain("Twilio:UseEmulator=true"));
    }

    [Test]
    public async Task Outside_development_an_api_address_without_credentials_fails_at_start()
    {
        using var host = TwilioServices.BuildHost(
            new Dictionary<string, string?> { ["Twilio:ApiBaseUrl"] = "https://twilio-proxy.example.com" }, "Production");

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(failure!.Message, Does.Contain("Twilio credentials are required outside Development"));
    }

    [Test]
    public async Task Outside_development_the_emulators_public_credentials_fail_at_start()
    {
        using var host = TwilioServices.BuildHost(
            new Dictionary<string, string?>
            {
                ["Twilio:AccountSid"] = TwilioEmulatorDefaults.AccountSid,
                ["Twilio:AuthToken"] = TwilioEmulatorDefaults.AuthToken,
                ["Twilio:From"] = From,
                ["Twilio:ApiBaseUrl"] = "http://127.0.0.1:5081",
            },
            "Production");

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(failure!.Message, Does.Contain("Twilio credentials are required outside Development"));
    }

    [Test]
    public async Task Outside_development_the_emulator_runs_only_when_asked_for_and_says_so_loudly()
    {
        using var host = TwilioServices.BuildHost(new Dictionary<string, string?> { ["Twilio:UseEmulator"] = "true" }, "Production");

        await host.StartAsync();
        await host.StopAsync();

        var warnings = host.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Level == LogLevel.Warning).Select(r => r.Message);
        Assert.That(warnings, Has.Some.Contains("public auth token").And.Contains("Production"));
    }

    [Test]
    public async Task In_development_the_emulator_runs_without_a_warning()
    {
        using var host = TwilioServices.BuildHost(new Dictionary<string, string?>());

        await host.StartAsync();
        await host.StopAsync();

        Assert.That(host.Services.GetFakeLogCollector().GetSnapshot().Select(r => r.Message), Has.None.Contains("public auth token"));
    }

    [TestCase("http://twilio-proxy.example.com")]
    [TestCase("http://10.1.2.3:8080")]
    public async Task A_plain_http_api_address_off_loopback_fails_at_start(string apiBaseUrl)
    {
        using var host = TwilioServices.BuildHost(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:From"] = From,
            ["Twilio:ApiBaseUrl"] = apiBaseUrl,
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(failure!.Message, Does.Contain("Twilio:ApiBaseUrl must use https"));
    }

    [TestCase("https://twilio-proxy.example.com")]
    [TestCase("http://127.0.0.1:5099")]
    [TestCase("http://localhost:5099")]
    public async Task An_https_or_loopback_api_address_with_credentials_starts_in_production(string apiBaseUrl)
    {
        using var host = TwilioServices.BuildHost(
            new Dictionary<string, string?>
            {
                ["Twilio:AccountSid"] = AccountSid,
                ["Twilio:AuthToken"] = AuthToken,
                ["Twilio:From"] = From,
                ["Twilio:ApiBaseUrl"] = apiBaseUrl,
            },
            "Production");

        Assert.That(async () => await host.StartAsync(), Throws.Nothing);
        await host.StopAsync();
    }
}
