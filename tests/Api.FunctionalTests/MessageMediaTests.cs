using System.Net.Http.Headers;
using System.Text;
using Messaging.Domain.Messages;
using Microsoft.AspNetCore.Http;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// <c>GET /api/messages/{id}/media/{index}</c>: the media customers sent, relayed from the emulator or from a stand-in for
/// Twilio's API; each test starts the application it needs.
/// </summary>
public sealed class MessageMediaTests
{
    private const string Customer = "+14155550123";
    private const string AccountSid = TwilioStandIn.AccountSid;
    private const string AuthToken = TwilioStandIn.AuthToken;

    /// <summary>Where the emulator posts the inbound webhooks of the media it simulates; only their media matter here.</summary>
    private FakeMediaHost _webhook = null!;

    [OneTimeSetUp]
    public async Task StartWebhookReceiver() => _webhook = await FakeMediaHost.StartAsync(context =>
    {
        context.Response.StatusCode = 200;
        return Task.CompletedTask;
    });

    [OneTimeTearDown]
    public async Task StopWebhookReceiver() => await _webhook.DisposeAsync();

    [TestCase("image/png")]
    [TestCase("application/pdf")]
    [TestCase("text/plain")]
    public async Task A_medium_a_customer_sent_is_relayed_with_the_emulator_bytes_and_content_type(string contentType)
    {
        using var app = new MessagingApiFactory();
        using var client = app.CreateClient();
        var emulator = app.Emulator();
        var (id, inbound) = await StoreSimulatedMediumAsync(app, contentType);
        var expected = await DownloadFromEmulatorAsync(emulator, inbound.MediaUrl!);

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(async () =>
        {
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(expected));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(contentType));
            Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(expected.Length));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("sandbox"));
        });
    }

    [Test]
    public async Task The_medium_is_fetched_from_the_configured_api_whatever_host_the_webhook_named()
    {
        await using var other = await FakeMediaHost.StartAsync(context => context.Response.WriteAsync("secret-stealer"));
        using var app = new MessagingApiFactory();
        using var client = app.CreateClient();
        var emulator = app.Emulator();
        var inbound = await SimulateAsync(emulator, "image/png");

        // The right resource for this message, but on a host the webhook could have named: only the port differs.
        var elsewhere = new Uri(other.BaseAddress, inbound.MediaUrl!.PathAndQuery);
        var id = await StoreInboundAsync(app, inbound.MessageSid, (elsewhere.AbsoluteUri, "image/png"));

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(await DownloadFromEmulatorAsync(emulator, inbound.MediaUrl)));
            Assert.That(other.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task An_unknown_message_is_404()
    {
        using var app = new MessagingApiFactory();
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/api/messages/{Guid.NewGuid()}/media/0");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    [TestCase("1")]
    [TestCase("7")]
    [TestCase("-1")]
    [TestCase("first")]
    public async Task An_index_the_message_does_not_have_is_404(string index)
    {
        using var app = new MessagingApiFactory();
        using var client = app.CreateClient();
        var (id, _) = await StoreSimulatedMediumAsync(app, "image/png");

        await AssertNoMediumAsync(client, id, index);
    }

    [Test]
    public async Task A_message_without_media_has_no_medium_0()
    {
        using var app = new MessagingApiFactory();
        using var client = app.CreateClient();
        var id = await StoreInboundAsync(app, "SM" + Guid.NewGuid().ToString("N"));

        await AssertNoMediumAsync(client, id, "0");
    }

    [Test]
    public async Task The_media_of_a_message_sent_from_here_are_not_relayed()
    {
        using var app = new MessagingApiFactory();
        using var client = app.CreateClient();
        var emulator = app.Emulator();
        var inbound = await SimulateAsync(emulator, "image/png");
        // The path of a real medium at Twilio, which the service could fetch with the account's credentials.
        var twilioMedium = "https://api.twilio.com" + inbound.MediaUrl!.PathAndQuery;
        using var sent = await client.PostMessage(new { to = Customer, mediaUrls = new[] { twilioMedium } });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Created), await sent.Content.ReadAsStringAsync());
        var id = (await sent.ReadJsonObject())["id"]!.GetValue<string>();

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        AssertRefused(response, HttpStatusCode.NotFound, "only media customers sent are served");
    }

    [Test]
    public async Task The_second_medium_of_a_message_is_served_at_index_1()
    {
        await using var twilio = await FakeMediaHost.StartAsync(context =>
        {
            context.Response.ContentType = context.Request.Path.Value!.EndsWith('2') ? "application/pdf" : "image/png";
            return context.Response.WriteAsync("medium " + context.Request.Path.Value![^1]);
        });
        using var app = WithTwilioApi(twilio);
        using var client = app.CreateClient();
        var sid = NewSid("MM");
        var id = await StoreInboundAsync(app, sid, (MediaUrl(sid, MediaSid(1)), "image/png"), (MediaUrl(sid, MediaSid(2)), "application/pdf"));

        using var response = await client.GetAsync($"/api/messages/{id}/media/1");

        Assert.Multiple(async () =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("medium 2"));
            Assert.That(twilio.Requests.Select(r => r.PathAndQuery), Is.EqualTo(new[] { $"/2010-04-01/Accounts/{AccountSid}/Messages/{sid}/Media/{MediaSid(2)}" }));
        });
    }

    public static IEnumerable<TestCaseData> UrlsThatAreNotAMediumOfTheMessage()
    {
        const string Message = "MM00000000000000000000000000000001";
        const string Api = "https://api.twilio.com/2010-04-01/Accounts/";
        var medium = MediaSid(1);
        yield return new TestCaseData(Message, $"{Api}{AccountSid}.json").SetArgDisplayNames("the account resource");
        yield return new TestCaseData(Message, $"{Api}{AccountSid}/Messages/{Message}.json").SetArgDisplayNames("the message resource");
        yield return new TestCaseData(Message, $"{Api}{AccountSid}/Messages.json").SetArgDisplayNames("the message list");
        yield return new TestCaseData(Message, $"{Api}{AccountSid}/Messages/{Message}/Media/{medium}.json").SetArgDisplayNames("the medium's metadata");
        yield return new TestCaseData(Message, $"{Api}{AccountSid}/Messages/{Message}/Media").SetArgDisplayNames("the media list");
        yield return new TestCaseData(Message, $"{Api}AC99999999999999999999999999999999/Messages/{Message}/Media/{medium}").SetArgDisplayNames("another account");
        yield return new TestCaseData(Message, $"{Api}{AccountSid}/Messages/MM00000000000000000000000000000002/Media/{medium}").SetArgDisplayNames("another message");
        yield return new TestCaseData(Message, $"{Api}{AccountSid}/Messages/{Message}/Media/ME123").SetArgDisplayNames("a media SID of the wrong shape");
        yield return new TestCaseData(Message, $"{Api}{AccountSid}/Messages/{Message}/Media/{medium}?x=1").SetArgDisplayNames("a query");
        yield return new TestCaseData(Message, $"{Api}{AccountSid}/Messages/{Message}/Media/{medium}/../../../../{AccountSid}.json").SetArgDisplayNames("dot segments");
        yield return new TestCaseData(Message, $"{Api}{AccountSid}/Messages/{Message}/Media/{medium}%2F..%2F..").SetArgDisplayNames("encoded slashes");
        yield return new TestCaseData(Message, $"https://user:pass@api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/{Message}/Media/{medium}").SetArgDisplayNames("credentials in the URL");
        yield return new TestCaseData(Message, $"/2010-04-01/Accounts/{AccountSid}/Messages/{Message}/Media/{medium}").SetArgDisplayNames("a relative URL");
        yield return new TestCaseData(Message, $"ftp://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/{Message}/Media/{medium}").SetArgDisplayNames("ftp");
    }

    [TestCaseSource(nameof(UrlsThatAreNotAMediumOfTheMessage))]
    public async Task A_url_that_is_not_a_medium_of_this_message_is_refused_with_422_and_nothing_is_requested(string messageSid, string url)
    {
        await using var twilio = await FakeMediaHost.StartAsync(context => context.Response.WriteAsync($$"""{"auth_token": "{{AuthToken}}"}"""));
        using var app = WithTwilioApi(twilio);
        using var client = app.CreateClient();
        var id = await StoreInboundAsync(app, messageSid, (url, "image/png"));

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(text, Does.Not.Contain(AuthToken));
            Assert.That(twilio.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task A_medium_larger_than_the_cap_by_its_length_is_refused_with_502()
    {
        using var app = new MessagingApiFactory(new Dictionary<string, string?> { ["Twilio:MaxMediaBytes"] = "16" });
        using var client = app.CreateClient();
        var (id, _) = await StoreSimulatedMediumAsync(app, "image/png");

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        AssertRefused(response, HttpStatusCode.BadGateway, "16 this service relays");
    }

    [Test]
    public async Task A_medium_without_a_length_that_outgrows_the_cap_is_refused_with_502()
    {
        await using var twilio = await FakeMediaHost.StartAsync(async context =>
        {
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(new byte[64 * 1024]);
        });
        using var response = await FetchOneMediumAsync(twilio, maxMediaBytes: 1000);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
    }

    [Test]
    public async Task A_medium_that_outgrows_the_cap_after_the_first_bytes_is_cut_off()
    {
        var firstPartSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var twilio = await FakeMediaHost.StartAsync(async context =>
        {
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(new byte[600]);
            await context.Response.Body.FlushAsync();
            firstPartSent.TrySetResult();
            await context.Response.Body.WriteAsync(new byte[600]);
        });
        using var app = WithTwilioApi(twilio, maxMediaBytes: 1000);
        using var client = app.CreateClient();
        var id = await StoreOneMediumAsync(app);

        var received = 0L;
        Exception? failure = null;
        try
        {
            using var response = await client.GetAsync($"/api/messages/{id}/media/0", HttpCompletionOption.ResponseHeadersRead);
            received = (await response.Content.ReadAsByteArrayAsync()).Length;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            failure = ex;
        }

        Assert.That(firstPartSent.Task.IsCompleted, Is.True, "the stand-in sent the first part");
        Assert.That(failure is not null || received <= 1000, Is.True, $"received {received} bytes without an error");
    }

    [Test]
    public async Task Twilio_redirect_back_to_its_own_host_is_followed_without_credentials()
    {
        await using var twilio = await FakeMediaHost.StartAsync(context =>
        {
            if (context.Request.Path.StartsWithSegments("/2010-04-01", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = "/cdn/signed-token";
                return Task.CompletedTask;
            }

            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync("from the cdn");
        });
        using var app = WithTwilioApi(twilio);
        using var client = app.CreateClient();
        var sid = NewSid("MM");
        var id = await StoreInboundAsync(app, sid, (MediaUrl(sid, MediaSid(1)), null));

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        Assert.Multiple(async () =>
        {
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("from the cdn"));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(twilio.Requests, Is.EqualTo(new[]
            {
                ($"/2010-04-01/Accounts/{AccountSid}/Messages/{sid}/Media/{MediaSid(1)}", (string?)basic),
                ("/cdn/signed-token", (string?)null),
            }));
        });
    }

    [Test]
    public async Task A_redirect_loop_ends_with_502_after_a_few_hops()
    {
        await using var twilio = await FakeMediaHost.StartAsync(context =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = context.Request.Path + "x";
            return Task.CompletedTask;
        });
        using var response = await FetchOneMediumAsync(twilio);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(twilio.Requests, Has.Count.EqualTo(4), "the first request and three redirects");
        });
    }

    [TestCase("http://cdn.example/file.png", "not https")]
    [TestCase("https://cdn.example/file.png", "Twilio:MediaCdnHosts")]
    [TestCase("https://169.254.169.254/latest/meta-data/", "Twilio:MediaCdnHosts")]
    [TestCase("https://mms.twiliocdn.com.evil.example/file.png", "Twilio:MediaCdnHosts")]
    [TestCase("https://user:secret@mms.twiliocdn.com/file.png", "credentials")]
    public async Task A_redirect_anywhere_but_twilios_cdn_is_not_followed(string location, string reason)
    {
        await using var twilio = await FakeMediaHost.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        });
        using var response = await FetchOneMediumAsync(twilio);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(reason));
            Assert.That(twilio.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_redirect_to_a_cdn_host_that_resolves_to_a_private_address_is_not_connected_to()
    {
        await using var cdn = await FakeMediaHost.StartAsync(context => context.Response.WriteAsync("internal"), https: true);
        await using var twilio = await FakeMediaHost.StartAsync(context =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = cdn.LocalhostUrl("signed").AbsoluteUri;
            return Task.CompletedTask;
        });

        // "localhost" stands for a CDN name that an attacker made resolve to an internal address.
        using var response = await FetchOneMediumAsync(twilio, cdnHost: "localhost");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(cdn.Requests, Is.Empty);
        });
    }

    [TestCase(404, HttpStatusCode.NotFound)]
    [TestCase(500, HttpStatusCode.BadGateway)]
    [TestCase(401, HttpStatusCode.BadGateway)]
    public async Task Twilio_errors_on_the_medium_become_problems(int twilioStatus, HttpStatusCode expected)
    {
        await using var twilio = await FakeMediaHost.StartAsync(context =>
        {
            context.Response.StatusCode = twilioStatus;
            return Task.CompletedTask;
        });
        using var response = await FetchOneMediumAsync(twilio);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    [Test]
    public async Task An_emulator_outage_while_fetching_media_is_502()
    {
        using var app = new MessagingApiFactory();
        using var client = app.CreateClient();
        var emulator = app.Emulator();
        var (id, _) = await StoreSimulatedMediumAsync(app, "image/png");
        emulator.FailNextRequestsWith(503);

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
    }

    /// <summary>Refused with <paramref name="status"/> and a problem that says why.</summary>
    private static void AssertRefused(HttpResponseMessage response, HttpStatusCode status, string saying) =>
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(saying));
        });

    private static string NewSid(string prefix) => prefix + Guid.NewGuid().ToString("N");

    private static string MediaSid(int n) => "ME" + n.ToString("x32", CultureInfo.InvariantCulture);

    private static string MediaUrl(string messageSid, string mediaSid) =>
        $"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/{messageSid}/Media/{mediaSid}";

    /// <summary>The service configured for a Twilio account whose API is <paramref name="twilio"/>.</summary>
    private static MessagingApiFactory WithTwilioApi(FakeMediaHost twilio, long? maxMediaBytes = null, string? cdnHost = null)
    {
        var settings = new Dictionary<string, string?>();
        if (maxMediaBytes is { } max)
        {
            settings["Twilio:MaxMediaBytes"] = max.ToString(CultureInfo.InvariantCulture);
        }

        if (cdnHost is not null)
        {
            settings["Twilio:MediaCdnHosts:0"] = cdnHost;
        }

        return new MessagingApiFactory(settings, twilioApi: twilio.BaseAddress);
    }

    private async Task<SimulatedInbound> SimulateAsync(TwilioEmulatorServer emulator, string contentType)
    {
        emulator.InboundWebhookUrl = _webhook.Url("inbound");
        return await emulator.SimulateInboundAsync(Customer, mediaContentType: contentType);
    }

    /// <summary>Stores a message with one medium at <paramref name="twilio"/> and fetches it through a service configured for it.</summary>
    private static async Task<HttpResponseMessage> FetchOneMediumAsync(FakeMediaHost twilio, long? maxMediaBytes = null, string? cdnHost = null)
    {
        using var app = WithTwilioApi(twilio, maxMediaBytes, cdnHost);
        using var client = app.CreateClient();
        var id = await StoreOneMediumAsync(app);
        return await client.GetAsync($"/api/messages/{id}/media/0");
    }

    /// <summary>Has the emulator simulate a customer's medium of <paramref name="contentType"/> and stores its message.</summary>
    private async Task<(Guid Id, SimulatedInbound Inbound)> StoreSimulatedMediumAsync(MessagingApiFactory app, string contentType)
    {
        var inbound = await SimulateAsync(app.Emulator(), contentType);
        return (await StoreInboundAsync(app, inbound.MessageSid, (inbound.MediaUrl!.AbsoluteUri, contentType)), inbound);
    }

    private static Task<Guid> StoreOneMediumAsync(MessagingApiFactory app)
    {
        var sid = NewSid("MM");
        return StoreInboundAsync(app, sid, (MediaUrl(sid, MediaSid(1)), "image/png"));
    }

    private static async Task<Guid> StoreInboundAsync(MessagingApiFactory app, string sid, params (string Url, string? ContentType)[] media)
    {
        var message = TestApplication.Inbound(
            app.Services, Customer, DateTimeOffset.UtcNow, body: null, "Ana", media.Select(m => new MessageMedia(m.Url, m.ContentType)), sid);
        return (await TestApplication.StoreAsync(app.Services, message)).Id;
    }

    private static async Task AssertNoMediumAsync(HttpClient client, Guid id, string index)
    {
        using var response = await client.GetAsync($"/api/messages/{id}/media/{index}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task<byte[]> DownloadFromEmulatorAsync(TwilioEmulatorServer emulator, Uri mediaUrl)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, mediaUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{emulator.AccountSid}:{TwilioEmulatorDefaults.AuthToken}")));
        using var redirect = await http.SendAsync(request);
        return await http.GetByteArrayAsync(redirect.Headers.Location);
    }
}
