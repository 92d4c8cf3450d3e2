using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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
}
