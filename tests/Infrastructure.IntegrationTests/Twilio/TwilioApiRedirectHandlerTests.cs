namespace Messaging.Infrastructure.IntegrationTests.Twilio;

public sealed class TwilioApiRedirectHandlerTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "0123456789abcdef0123456789abcdef";

    [TestCase("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json")]
    [TestCase("https://content.twilio.com/v1/ContentAndApprovals?PageSize=50")]
    public async Task With_twilio_itself_every_request_keeps_the_host_the_sdk_chose(string url)
    {
        await using var services = TwilioServices.Build(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:From"] = "whatsapp:+15551234567",
        });

        Assert.That(await SentTo(services, url), Is.EqualTo(new Uri(url)));
    }

    [TestCase("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json", "https://twilio-proxy.example.com:8443/2010-04-01/Accounts/AC1/Messages.json")]
    [TestCase("https://content.twilio.com/v1/ContentAndApprovals?PageSize=50", "https://twilio-proxy.example.com:8443/v1/ContentAndApprovals?PageSize=50")]
    public async Task A_configured_api_address_stands_in_for_every_twilio_host(string url, string expected)
    {
        await using var services = TwilioServices.Build(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:From"] = "whatsapp:+15551234567",
            ["Twilio:ApiBaseUrl"] = "https://twilio-proxy.example.com:8443",
        });

        Assert.That(await SentTo(services, url), Is.EqualTo(new Uri(expected)));
    }

    private static async Task<Uri?> SentTo(IServiceProvider services, string url)
    {
        var recorder = new RecordingHandler();
        using var handler = services.GetRequiredService<TwilioApiRedirectHandler>();
        handler.InnerHandler = recorder;
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await invoker.SendAsync(request, CancellationToken.None);
        return recorder.Sent;
    }
}
