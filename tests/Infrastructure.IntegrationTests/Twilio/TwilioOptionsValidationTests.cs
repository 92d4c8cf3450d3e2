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
    public Task Half_configured_credentials_fail_at_start(string? accountSid, string? authToken) =>
        TwilioServices.AssertStartFailsAsync(
            Settings(accountSid, authToken), Does.Contain("Twilio:AccountSid and Twilio:AuthToken must both be set"));

    [TestCase("+15551234567")]
    [TestCase("whatsapp:15551234567")]
    [TestCase("whatsapp:+1555abc4567")]
    [TestCase("sms:+15551234567")]
    public Task A_sender_that_is_not_a_WhatsApp_address_fails_at_start(string from) =>
        TwilioServices.AssertSettingFailsAtStartAsync("Twilio:From", from);

    [Test]
    public Task Credentials_without_a_sender_fail_at_start() =>
        TwilioServices.AssertStartFailsAsync(Settings(from: null), Does.Contain("Twilio:From is required"));

    [Test]
    public Task An_account_sid_of_the_wrong_shape_fails_at_start() =>
        TwilioServices.AssertStartFailsAsync(Settings(accountSid: "not-a-sid"), Does.Contain("'AC' followed by 32 hexadecimal digits"));

    [Test]
    public Task A_relative_api_base_url_fails_at_start() => TwilioServices.AssertSettingFailsAtStartAsync("Twilio:ApiBaseUrl", "/twilio");

    [TestCase("/messaging")]
    [TestCase("ftp://support.example.com")]
    [TestCase("https://support.example.com/?tenant=1")]
    [TestCase("https://support.example.com/#top")]
    public Task A_public_base_url_that_cannot_prefix_webhook_paths_fails_at_start(string publicBaseUrl) =>
        TwilioServices.AssertSettingFailsAtStartAsync("Twilio:PublicBaseUrl", publicBaseUrl);

    [Test]
    public Task Complete_credentials_with_a_WhatsApp_sender_start() => TwilioServices.AssertStartsAsync(Settings());

    [Test]
    public Task No_twilio_settings_at_all_start_with_the_emulator() => TwilioServices.AssertStartsAsync(new Dictionary<string, string?>());

    [TestCase("Production")]
    [TestCase("Staging")]
    public Task Outside_development_no_credentials_fail_at_start_instead_of_trusting_the_public_token(string environment) =>
        TwilioServices.AssertStartFailsAsync(
            new Dictionary<string, string?>(),
            Does.Contain("Twilio credentials are required outside Development").And.Contain("Twilio:UseEmulator=true"),
            environment);

    [Test]
    public Task Outside_development_an_api_address_without_credentials_fails_at_start() =>
        TwilioServices.AssertStartFailsAsync(
            new Dictionary<string, string?> { ["Twilio:ApiBaseUrl"] = "https://twilio-proxy.example.com" },
            Does.Contain("Twilio credentials are required outside Development"),
            "Production");

    [Test]
    public Task Outside_development_the_emulators_public_credentials_fail_at_start() =>
        TwilioServices.AssertStartFailsAsync(
            Settings(TwilioEmulatorDefaults.AccountSid, TwilioEmulatorDefaults.AuthToken, apiBaseUrl: "http://127.0.0.1:5081"),
            Does.Contain("Twilio credentials are required outside Development"),
            "Production");

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
    public Task A_plain_http_api_address_off_loopback_fails_at_start(string apiBaseUrl) =>
        TwilioServices.AssertStartFailsAsync(Settings(apiBaseUrl: apiBaseUrl), Does.Contain("Twilio:ApiBaseUrl must use https"));

    [TestCase("https://twilio-proxy.example.com")]
    [TestCase("http://127.0.0.1:5099")]
    [TestCase("http://localhost:5099")]
    public Task An_https_or_loopback_api_address_with_credentials_starts_in_production(string apiBaseUrl) =>
        TwilioServices.AssertStartsAsync(Settings(apiBaseUrl: apiBaseUrl), "Production");

    /// <summary>Credentials and a WhatsApp sender, complete unless a test says otherwise: a null leaves a setting out.</summary>
    private static Dictionary<string, string?> Settings(
        string? accountSid = AccountSid,
        string? authToken = AuthToken,
        string? from = From,
        string? apiBaseUrl = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = accountSid,
            ["Twilio:AuthToken"] = authToken,
            ["Twilio:From"] = from,
            ["Twilio:ApiBaseUrl"] = apiBaseUrl,
        };
        return settings.Where(setting => setting.Value is not null).ToDictionary();
    }
}
