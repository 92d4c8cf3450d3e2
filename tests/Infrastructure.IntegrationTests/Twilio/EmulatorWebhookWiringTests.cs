using Messaging.Application.Common.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Messaging.Infrastructure.IntegrationTests.Twilio;

/// <summary>A web host listening on a real port with the embedded emulator: the emulator's webhooks point back at it.</summary>
public sealed class EmulatorWebhookWiringTests
{
    [TestCase("http://127.0.0.1:0")]
    [TestCase("http://0.0.0.0:0")]
    public async Task The_emulator_calls_back_at_the_address_the_service_listens_on(string listenUrl)
    {
        await using var app = BuildApp(listenUrl, new Dictionary<string, string?>());
        await app.StartAsync();
        var port = new Uri(app.Urls.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port;
        var emulator = app.Services.GetRequiredService<EmbeddedTwilioEmulator>().Server;

        var messageId = Guid.NewGuid();

        await app.Services.GetRequiredService<ITwilioGateway>()
            .SendAsync(new TwilioSendRequest(messageId, "whatsapp:+14155550123", "Hi", [], null, null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(emulator.InboundWebhookUrl, Is.EqualTo(new Uri($"http://127.0.0.1:{port}/api/webhooks/twilio/inbound")));
            Assert.That(
                emulator.Messages.Single().StatusCallback,
                Is.EqualTo(new Uri($"http://127.0.0.1:{port}/api/webhooks/twilio/status?messageId={messageId}")));
        });
        await app.StopAsync();
    }

    [Test]
    public async Task A_public_base_url_is_where_the_emulator_calls_back_too()
    {
        await using var app = BuildApp("http://127.0.0.1:0", new Dictionary<string, string?> { ["Twilio:PublicBaseUrl"] = "https://support.example.com" });
        await app.StartAsync();
        var emulator = app.Services.GetRequiredService<EmbeddedTwilioEmulator>().Server;

        var messageId = Guid.NewGuid();

        await app.Services.GetRequiredService<ITwilioGateway>()
            .SendAsync(new TwilioSendRequest(messageId, "whatsapp:+14155550123", "Hi", [], null, null), CancellationToken.None);

        Assert.That(emulator.InboundWebhookUrl, Is.EqualTo(new Uri("https://support.example.com/api/webhooks/twilio/inbound")));
        Assert.That(
            emulator.Messages.Single().StatusCallback,
            Is.EqualTo(new Uri($"https://support.example.com/api/webhooks/twilio/status?messageId={messageId}")));
        await app.StopAsync();
    }

    private static WebApplication BuildApp(string listenUrl, Dictionary<string, string?> settings)
    {
        // As with dotnet run: Development, where the emulator needs no Twilio:UseEmulator.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = TwilioServices.Development });
        builder.WebHost.UseKestrelCore().UseUrls(listenUrl);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFakeLogging();
        builder.Services.AddTwilio(builder.Configuration);
        var app = builder.Build();
        return app;
    }
}
