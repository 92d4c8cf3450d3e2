using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Http;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// The media proxy must never lend out the Twilio account: neither a client with both scopes nor a webhook can make it
/// fetch an API resource other than a medium a customer sent. A stand-in plays Twilio's API over https with the
/// resource an attacker wants most: the account, which holds the auth token.
/// </summary>
public sealed class MediaProxyAttackTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "stand-in-auth-token-0123456789ab";
    private const string Customer = "whatsapp:+14155550123";
    private const string Sender = "whatsapp:+14155238886";
    private const string AccountPath = $"/2010-04-01/Accounts/{AccountSid}.json";

    private FakeMediaHost _twilio = null!;
    private MessagingApiFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUp()
    {
        _twilio = await FakeMediaHost.StartAsync(AnswerLikeTwilio, https: true);
        _factory = new MessagingApiFactory(
            new Dictionary<string, string?>
            {
                ["Twilio:AccountSid"] = AccountSid,
                ["Twilio:AuthToken"] = AuthToken,
                ["Twilio:From"] = Sender,
                ["Twilio:ApiBaseUrl"] = _twilio.BaseAddress.AbsoluteUri,
            },
            services => services.AddSingleton<IHttpMessageHandlerBuilderFilter, TrustTestCertificateFilter>());
        _client = _factory.CreateClient();
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
        await _twilio.DisposeAsync();
    }

    [TestCase("https://api.twilio.com" + AccountPath)]
    [TestCase("https://api.twilio.com" + AccountPath + "?PageSize=1")]
    public async Task A_client_cannot_read_the_account_through_a_media_url_it_sent(string mediaUrl)
    {
        using var sent = await _client.PostMessage(new { to = "+14155550123", mediaUrls = new[] { mediaUrl } });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Created), await sent.Content.ReadAsStringAsync());
        var id = (await sent.ReadJsonObject())["id"]!.GetValue<string>();

        using var response = await _client.GetAsync($"/api/messages/{id}/media/0");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), text);
            Assert.That(text, Does.Not.Contain(AuthToken));
            Assert.That(AccountRequests(), Is.Empty);
        });
    }

    [Test]
    public async Task A_signed_inbound_naming_the_account_as_its_medium_cannot_read_it()
    {
        var sid = TwilioWebhooks.NewSid("MM");
        using var webhook = await _client.PostSigned(TwilioWebhooks.InboundPath, InboundWithMedium(sid, new Uri(_twilio.BaseAddress, AccountPath).AbsoluteUri), authToken: AuthToken);
        Assert.That(webhook.StatusCode, Is.EqualTo(HttpStatusCode.OK), await webhook.Content.ReadAsStringAsync());

        using var response = await _client.GetAsync($"/api/messages/{await StoredId(sid)}/media/0");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), text);
            Assert.That(text, Does.Not.Contain(AuthToken));
            Assert.That(AccountRequests(), Is.Empty);
        });
    }

    [Test]
    public async Task A_signed_inbound_with_a_real_medium_is_relayed_from_the_stand_in()
    {
        // The control for the two attacks above: the same set-up does fetch from this stand-in when it should.
        var sid = TwilioWebhooks.NewSid("MM");
        var medium = $"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/{sid}/Media/ME{Guid.NewGuid():N}";
        using var webhook = await _client.PostSigned(TwilioWebhooks.InboundPath, InboundWithMedium(sid, medium), authToken: AuthToken);
        Assert.That(webhook.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var response = await _client.GetAsync($"/api/messages/{await StoredId(sid)}/media/0");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("the picture"));
            Assert.That(_twilio.Requests.Select(r => r.PathAndQuery), Has.Some.EqualTo(new Uri(medium).AbsolutePath));
        });
    }

    private static Task AnswerLikeTwilio(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        if (HttpMethods.IsPost(context.Request.Method) && path.EndsWith("/Messages.json", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.ContentType = "application/json";
            var message = new JsonObject
            {
                ["sid"] = TwilioWebhooks.NewSid(),
                ["account_sid"] = AccountSid,
                ["status"] = "queued",
                ["to"] = Customer,
                ["from"] = Sender,
            };
            return context.Response.WriteAsync(message.ToJsonString());
        }

        if (path == AccountPath)
        {
            // What Twilio's account resource holds, and what an attacker is after.
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(new JsonObject { ["sid"] = AccountSid, ["auth_token"] = AuthToken, ["status"] = "active" }.ToJsonString());
        }

        if (path.Contains("/Media/ME", StringComparison.Ordinal))
        {
            context.Response.ContentType = "image/png";
            return context.Response.WriteAsync("the picture");
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static Dictionary<string, string> InboundWithMedium(string sid, string mediaUrl)
    {
        var fields = TwilioWebhooks.Inbound(sid, "look at this");
        fields["AccountSid"] = AccountSid;
        fields["To"] = Sender;
        fields["NumMedia"] = "1";
        fields["MediaUrl0"] = mediaUrl;
        fields["MediaContentType0"] = "image/png";
        return fields;
    }

    private List<string> AccountRequests() =>
        [.. _twilio.Requests.Select(r => r.PathAndQuery).Where(p => p.StartsWith(AccountPath, StringComparison.Ordinal))];

    private async Task<string> StoredId(string sid)
    {
        var page = (await _client.GetFromJsonAsync<JsonObject>("/api/messages?direction=inbound"))!;
        return page["items"]!.AsArray().Single(m => m!["waSid"]!.GetValue<string>() == sid)!["id"]!.GetValue<string>();
    }
}
