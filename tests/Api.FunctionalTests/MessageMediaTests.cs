using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Messaging.Application.Common.Interfaces;
using Messaging.Domain.Messages;
using Messaging.Infrastructure.Twilio;
using Messaging.TwilioEmulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Api.FunctionalTests;

public sealed class MessageMediaTests
{
    private const string Customer = "+14155550123";

    private MessagingApiFactory _factory = null!;
    private FakeMediaHost _webhook = null!;

    [SetUp]
    public async Task SetUp()
    {
        _factory = new MessagingApiFactory();
        _webhook = await FakeMediaHost.StartAsync(context =>
        {
            context.Response.StatusCode = 200;
            return Task.CompletedTask;
        });
    }

    [TearDown]
    public async Task TearDown()
    {
        _factory.Dispose();
        await _webhook.DisposeAsync();
    }

    [TestCase("image/png")]
    [TestCase("application/pdf")]
    [TestCase("text/plain")]
    public async Task A_medium_a_customer_sent_is_relayed_with_the_emulator_bytes_and_content_type(string contentType)
    {
        using var client = _factory.CreateClient();
        var emulator = Emulator(_factory);
        var inbound = await SimulateAsync(emulator, contentType);
        var id = await StoreInboundAsync(_factory, inbound.MessageSid, (inbound.MediaUrl!.AbsoluteUri, contentType));
        var expected = await DownloadFromEmulatorAsync(emulator, inbound.MediaUrl);

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
    public async Task The_second_medium_of_a_message_is_served_at_index_1()
    {
        using var client = _factory.CreateClient();
        var emulator = Emulator(_factory);
        var png = await SimulateAsync(emulator, "image/png");
        var pdf = await SimulateAsync(emulator, "application/pdf");
        var id = await StoreInboundAsync(_factory, png.MessageSid, (png.MediaUrl!.AbsoluteUri, "image/png"), (pdf.MediaUrl!.AbsoluteUri, "application/pdf"));

        using var response = await client.GetAsync($"/api/messages/{id}/media/1");

        Assert.Multiple(async () =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(await DownloadFromEmulatorAsync(emulator, pdf.MediaUrl)));
        });
    }

    [Test]
    public async Task An_unknown_message_is_404()
    {
        using var client = _factory.CreateClient();

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
        using var client = _factory.CreateClient();
        var inbound = await SimulateAsync(Emulator(_factory), "image/png");
        var id = await StoreInboundAsync(_factory, inbound.MessageSid, (inbound.MediaUrl!.AbsoluteUri, "image/png"));

        using var response = await client.GetAsync($"/api/messages/{id}/media/{index}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_message_without_media_has_no_medium_0()
    {
        using var client = _factory.CreateClient();
        var id = await StoreInboundAsync(_factory, "SM" + Guid.NewGuid().ToString("N"));

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_media_url_on_another_loopback_port_is_refused_with_422_and_never_requested()
    {
        await using var other = await FakeMediaHost.StartAsync(context => context.Response.WriteAsync("secret-stealer"));
        using var client = _factory.CreateClient();
        var emulator = Emulator(_factory);
        var inbound = await SimulateAsync(emulator, "image/png");
        // Same path as a real medium, but on a host the webhook could have named: only the port differs.
        var forged = new Uri(other.BaseAddress, inbound.MediaUrl!.PathAndQuery);
        var id = await StoreInboundAsync(_factory, "MM" + Guid.NewGuid().ToString("N"), (forged.AbsoluteUri, "image/png"));

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(TwilioEmulatorDefaults.AuthToken));
            Assert.That(other.Requests, Is.Empty);
        });
    }

    [TestCase("https://evil.example/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")]
    [TestCase("http://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")]
    [TestCase("https://api.twilio.com.evil.example/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")]
    [TestCase("https://user@api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")]
    [TestCase("/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")]
    public async Task A_media_url_outside_the_Twilio_hosts_is_refused_with_422(string url)
    {
        using var client = _factory.CreateClient();
        var id = await StoreInboundAsync(_factory, "MM" + Guid.NewGuid().ToString("N"), (url, "image/png"));

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [Test]
    public async Task A_medium_larger_than_the_cap_by_its_length_is_refused_with_502()
    {
        using var app = _factory.WithWebHostBuilder(b => b.UseSetting("Twilio:MaxMediaBytes", "16"));
        using var client = app.CreateClient();
        var inbound = await SimulateAsync(Emulator(app), "image/png");
        var id = await StoreInboundAsync(app, inbound.MessageSid, (inbound.MediaUrl!.AbsoluteUri, "image/png"));

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("16 this service relays"));
        });
    }

    [Test]
    public async Task A_medium_without_a_length_that_outgrows_the_cap_is_refused_with_502()
    {
        await using var twilio = await FakeMediaHost.StartAsync(async context =>
        {
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(new byte[64 * 1024]);
        });
        using var app = WithMediaHost(twilio, maxMediaBytes: 1000);
        using var client = app.CreateClient();
        var id = await StoreInboundAsync(app, "MM" + Guid.NewGuid().ToString("N"), (twilio.Url("media/ME1").AbsoluteUri, "image/png"));

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
    }

    [Test]
    public async Task A_medium_that_outgrows_the_cap_after_the_first_bytes_is_cut_off()
    {
        await using var twilio = await FakeMediaHost.StartAsync(async context =>
        {
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(new byte[600]);
            await context.Response.Body.FlushAsync();
            await Task.Delay(200);
            await context.Response.Body.WriteAsync(new byte[600]);
        });
        using var app = WithMediaHost(twilio, maxMediaBytes: 1000);
        using var client = app.CreateClient();
        var id = await StoreInboundAsync(app, "MM" + Guid.NewGuid().ToString("N"), (twilio.Url("media/ME1").AbsoluteUri, "image/png"));

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

        Assert.That(failure is not null || received <= 1000, Is.True, $"received {received} bytes without an error");
    }

    [Test]
    public async Task Twilio_redirect_is_followed_without_credentials()
    {
        await using var twilio = await FakeMediaHost.StartAsync(context =>
        {
            if (context.Request.Path == "/media/ME1")
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = "/cdn/signed-token";
                return Task.CompletedTask;
            }

            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync("from the cdn");
        });
        using var app = WithMediaHost(twilio);
        using var client = app.CreateClient();
        var id = await StoreInboundAsync(app, "MM" + Guid.NewGuid().ToString("N"), (twilio.Url("media/ME1").AbsoluteUri, null));

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwilioEmulatorDefaults.AccountSid}:{TwilioEmulatorDefaults.AuthToken}"));
        Assert.Multiple(async () =>
        {
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("from the cdn"));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(twilio.Requests, Is.EqualTo(new[] { ("/media/ME1", (string?)basic), ("/cdn/signed-token", (string?)null) }));
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
        using var app = WithMediaHost(twilio);
        using var client = app.CreateClient();
        var id = await StoreInboundAsync(app, "MM" + Guid.NewGuid().ToString("N"), (twilio.Url("m").AbsoluteUri, null));

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(twilio.Requests, Has.Count.EqualTo(4), "the first request and three redirects");
        });
    }

    [Test]
    public async Task A_redirect_to_plain_http_on_another_host_is_not_followed()
    {
        await using var twilio = await FakeMediaHost.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "http://cdn.example/file.png";
            return Task.CompletedTask;
        });
        using var app = WithMediaHost(twilio);
        using var client = app.CreateClient();
        var id = await StoreInboundAsync(app, "MM" + Guid.NewGuid().ToString("N"), (twilio.Url("m").AbsoluteUri, null));

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("not https"));
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
        using var app = WithMediaHost(twilio);
        using var client = app.CreateClient();
        var id = await StoreInboundAsync(app, "MM" + Guid.NewGuid().ToString("N"), (twilio.Url("m").AbsoluteUri, null));

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    [Test]
    public async Task An_emulator_outage_while_fetching_media_is_502()
    {
        using var client = _factory.CreateClient();
        var emulator = Emulator(_factory);
        var inbound = await SimulateAsync(emulator, "image/png");
        var id = await StoreInboundAsync(_factory, inbound.MessageSid, (inbound.MediaUrl!.AbsoluteUri, "image/png"));
        emulator.FailNextRequestsWith(503);

        using var response = await client.GetAsync($"/api/messages/{id}/media/0");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
    }

    private static TwilioEmulatorServer Emulator(WebApplicationFactory<Program> app) =>
        app.Services.GetRequiredService<EmbeddedTwilioEmulator>().Server;

    private WebApplicationFactory<Program> WithMediaHost(FakeMediaHost host, long? maxMediaBytes = null) =>
        _factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Twilio:MediaHosts:0", host.BaseAddress.GetLeftPart(UriPartial.Authority));
            if (maxMediaBytes is { } max)
            {
                b.UseSetting("Twilio:MaxMediaBytes", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });

    private async Task<SimulatedInbound> SimulateAsync(TwilioEmulatorServer emulator, string contentType)
    {
        emulator.InboundWebhookUrl = _webhook.Url("inbound");
        return await emulator.SimulateInboundAsync(Customer, mediaContentType: contentType);
    }

    private static async Task<Guid> StoreInboundAsync(WebApplicationFactory<Program> app, string sid, params (string Url, string? ContentType)[] media)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IMessageRepository>();
        var message = Message.Inbound(
            sid,
            WhatsAppAddress.FromE164(Customer),
            WhatsAppAddress.FromE164("+14155238886"),
            body: null,
            media.Select(m => new MessageMedia(m.Url, m.ContentType)),
            "Ana",
            DateTimeOffset.UtcNow);
        return (await repository.AddIfAbsent(message, CancellationToken.None)).Message.Id;
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
