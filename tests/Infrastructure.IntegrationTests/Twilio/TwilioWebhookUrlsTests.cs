using Microsoft.AspNetCore.Http;

namespace Messaging.Infrastructure.IntegrationTests.Twilio;

public sealed class TwilioWebhookUrlsTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";

    [Test]
    public async Task With_a_public_base_url_twilio_is_asked_to_call_back_under_it()
    {
        await using var services = TwilioServices.Build(new Dictionary<string, string?> { ["Twilio:PublicBaseUrl"] = "https://support.example.com/messaging" });
        var urls = services.GetRequiredService<TwilioWebhookUrls>();

        Assert.That(urls.StatusCallback, Is.EqualTo(new Uri("https://support.example.com/messaging/api/webhooks/twilio/status")));
        Assert.That(urls.Inbound, Is.EqualTo(new Uri("https://support.example.com/messaging/api/webhooks/twilio/inbound")));
    }

    [Test]
    public async Task With_real_credentials_and_no_public_base_url_no_callback_is_asked_for()
    {
        await using var services = TwilioServices.Build(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = "0123456789abcdef0123456789abcdef",
            ["Twilio:From"] = "whatsapp:+15551234567",
        });

        Assert.That(services.GetRequiredService<TwilioWebhookUrls>().StatusCallback, Is.Null);
    }

    [Test]
    public async Task Without_a_server_listening_there_is_no_local_address_to_call_back()
    {
        await using var services = TwilioServices.Build(new Dictionary<string, string?>());

        Assert.That(services.GetRequiredService<TwilioWebhookUrls>().StatusCallback, Is.Null);
    }

    [Test]
    public async Task Behind_a_proxy_the_signed_url_is_the_public_one_with_the_requests_path_and_query()
    {
        await using var services = TwilioServices.Build(new Dictionary<string, string?> { ["Twilio:PublicBaseUrl"] = "https://support.example.com/messaging/" });
        var request = Request("http", "10.0.0.5:8080", "/api/webhooks/twilio/status", "?attempt=2");

        var signed = services.GetRequiredService<TwilioWebhookUrls>().SignedUrl(request);

        Assert.That(signed.AbsoluteUri, Is.EqualTo("https://support.example.com/messaging/api/webhooks/twilio/status?attempt=2"));
    }

    [Test]
    public async Task Without_a_public_base_url_the_signed_url_is_the_one_the_request_arrived_at()
    {
        await using var services = TwilioServices.Build(new Dictionary<string, string?>());
        var request = Request("http", "127.0.0.1:5080", "/api/webhooks/twilio/inbound", "?a=1&b=%20x");

        var signed = services.GetRequiredService<TwilioWebhookUrls>().SignedUrl(request);

        Assert.That(signed.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5080/api/webhooks/twilio/inbound?a=1&b=%20x"));
    }

    private static HttpRequest Request(string scheme, string host, string path, string query)
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = scheme;
        request.Host = new HostString(host);
        request.Path = path;
        request.QueryString = new QueryString(query);
        return request;
    }
}
