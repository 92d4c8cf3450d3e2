using Microsoft.AspNetCore.Http;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// The media proxy must never lend out the Twilio account: neither a client with both scopes nor a webhook can make it
/// fetch an API resource other than a medium a customer sent. A stand-in plays Twilio's API over https with the
/// resource an attacker wants most: the account, which holds the auth token.
/// </summary>
public sealed class MediaProxyAttackTests : ApiFixture
{
    private const string AccountSid = TwilioStandIn.AccountSid;
    private const string AuthToken = TwilioStandIn.AuthToken;
    private const string Customer = "whatsapp:+14155550123";
    private const string AccountPath = $"/2010-04-01/Accounts/{AccountSid}.json";

    private FakeMediaHost _twilio = null!;

    // One stand-in for the fixture, started before the first test's application: no test may ever make it serve the
    // account, so what it saw for one test only adds to what the next test checks.
    [OneTimeSetUp]
    public async Task StartStandIn() => _twilio = await FakeMediaHost.StartAsync(AnswerLikeTwilio, https: true);

    [OneTimeTearDown]
    public async Task StopStandIn() => await _twilio.DisposeAsync();

    protected override MessagingApiFactory CreateFactory() => new(twilioApi: _twilio.BaseAddress);

    [TestCase("https://api.twilio.com" + AccountPath)]
    [TestCase("https://api.twilio.com" + AccountPath + "?PageSize=1")]
    public async Task A_client_cannot_read_the_account_through_a_media_url_it_sent(string mediaUrl)
    {
        using var sent = await Client.PostMessage(new { to = "+14155550123", mediaUrls = new[] { mediaUrl } });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Created), await sent.Content.ReadAsStringAsync());
        var id = (await sent.ReadJsonObject())["id"]!.GetValue<string>();

        await AssertMediumRefusedWithoutReadingTheAccount(id, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_signed_inbound_naming_the_account_as_its_medium_cannot_read_it()
    {
        var sid = TwilioWebhooks.NewSid("MM");
        using var webhook = await Client.PostSigned(TwilioWebhooks.InboundPath, InboundWithMedium(sid, new Uri(_twilio.BaseAddress, AccountPath).AbsoluteUri), authToken: AuthToken);
        Assert.That(webhook.StatusCode, Is.EqualTo(HttpStatusCode.OK), await webhook.Content.ReadAsStringAsync());

        await AssertMediumRefusedWithoutReadingTheAccount(await StoredId(sid), HttpStatusCode.UnprocessableEntity);
    }

    [Test]
    public async Task A_signed_inbound_with_a_real_medium_is_relayed_from_the_stand_in()
    {
        // The control for the two attacks above: the same set-up does fetch from this stand-in when it should.
        var sid = TwilioWebhooks.NewSid("MM");
        var medium = $"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/{sid}/Media/ME{Guid.NewGuid():N}";
        using var webhook = await Client.PostSigned(TwilioWebhooks.InboundPath, InboundWithMedium(sid, medium), authToken: AuthToken);
        Assert.That(webhook.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var response = await Client.GetAsync($"/api/messages/{await StoredId(sid)}/media/0");

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
                ["from"] = TwilioStandIn.Sender,
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
        fields["To"] = TwilioStandIn.Sender;
        fields["NumMedia"] = "1";
        fields["MediaUrl0"] = mediaUrl;
        fields["MediaContentType0"] = "image/png";
        return fields;
    }

    /// <summary>Fetches medium 0 of the message: refused with <paramref name="expected"/>, and the account never read.</summary>
    private async Task AssertMediumRefusedWithoutReadingTheAccount(string messageId, HttpStatusCode expected)
    {
        using var response = await Client.GetAsync($"/api/messages/{messageId}/media/0");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected), text);
            Assert.That(text, Does.Not.Contain(AuthToken));
            Assert.That(_twilio.Requests.Select(r => r.PathAndQuery).Where(p => p.StartsWith(AccountPath, StringComparison.Ordinal)), Is.Empty);
        });
    }

    private async Task<string> StoredId(string sid)
    {
        var page = (await Client.GetFromJsonAsync<JsonObject>("/api/messages?direction=inbound"))!;
        return page["items"]!.AsArray().Single(m => m!["waSid"]!.GetValue<string>() == sid)!["id"]!.GetValue<string>();
    }
}
