using Messaging.Application.Common.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Messaging.Infrastructure.IntegrationTests.Twilio;

public sealed class EmbeddedTwilioEmulatorTests
{
    [Test]
    public async Task Without_credentials_sends_go_to_the_embedded_emulator_from_the_sandbox_sender()
    {
        using var host = await TwilioServices.StartHostAsync(new Dictionary<string, string?>());
        var gateway = host.Services.GetRequiredService<ITwilioGateway>();
        var emulator = host.Services.GetRequiredService<EmbeddedTwilioEmulator>().Server;

        var result = await gateway.SendAsync(
            new TwilioSendRequest(Guid.NewGuid(), "whatsapp:+14155550123", "Hello", [], null, null), CancellationToken.None);

        var created = emulator.Messages.Single();
        Assert.Multiple(() =>
        {
            Assert.That(emulator.CreateMessageRequests, Is.EqualTo(1));
            Assert.That(created.Sid, Is.EqualTo(result.Sid));
            Assert.That(created.AccountSid, Is.EqualTo(TwilioEmulatorDefaults.AccountSid));
            Assert.That(created.From, Is.EqualTo(TwilioEmulatorDefaults.Sender));
            Assert.That(gateway.SenderAddress, Is.EqualTo(TwilioEmulatorDefaults.Sender));
            Assert.That(emulator.BaseAddress.Host, Is.EqualTo("127.0.0.1"));
        });
        await host.StopAsync();
    }

    [Test]
    public async Task A_configured_sender_is_used_with_the_embedded_emulator()
    {
        using var host = await TwilioServices.StartHostAsync(new Dictionary<string, string?> { ["Twilio:From"] = "whatsapp:+15551234567" });

        await host.Services.GetRequiredService<ITwilioGateway>()
            .SendAsync(new TwilioSendRequest(Guid.NewGuid(), "whatsapp:+14155550123", "Hello", [], null, null), CancellationToken.None);

        Assert.That(
            host.Services.GetRequiredService<EmbeddedTwilioEmulator>().Server.Messages.Single().From,
            Is.EqualTo("whatsapp:+15551234567"));
        await host.StopAsync();
    }

    [Test]
    public async Task Start_logs_one_information_line_with_the_emulator_address_and_no_secret()
    {
        using var host = await TwilioServices.StartHostAsync(new Dictionary<string, string?>());
        var address = host.Services.GetRequiredService<EmbeddedTwilioEmulator>().Server.BaseAddress;

        var records = host.Services.GetFakeLogCollector().GetSnapshot();

        var emulatorLines = records.Where(r => r.Message.Contains("embedded Twilio emulator", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(emulatorLines, Has.Count.EqualTo(1));
            Assert.That(emulatorLines[0].Level, Is.EqualTo(LogLevel.Information));
            Assert.That(emulatorLines[0].Message, Does.Contain(address.ToString()));
            Assert.That(records.Select(r => r.Message), Has.None.Contains(TwilioEmulatorDefaults.AuthToken));
        });
        await host.StopAsync();
    }

    [Test]
    public async Task The_embedded_emulator_listens_on_a_configured_port()
    {
        var port = LoopbackPort.Unused();
        using var host = await TwilioServices.StartHostAsync(new Dictionary<string, string?> { ["Twilio:EmulatorUrl"] = $"http://127.0.0.1:{port}" });

        Assert.That(host.Services.GetRequiredService<EmbeddedTwilioEmulator>().Server.BaseAddress, Is.EqualTo(new Uri($"http://127.0.0.1:{port}/")));
        await host.StopAsync();
    }

    [Test]
    public async Task With_credentials_no_emulator_is_started()
    {
        using var host = await TwilioServices.StartHostAsync(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "AC" + Guid.NewGuid().ToString("N"),
            ["Twilio:AuthToken"] = Guid.NewGuid().ToString("N"),
            ["Twilio:From"] = "whatsapp:+15551234567",
        });
        var embedded = host.Services.GetRequiredService<EmbeddedTwilioEmulator>();

        Assert.Multiple(() =>
        {
            Assert.That(embedded.IsRunning, Is.False);
            Assert.That(() => embedded.Server, Throws.InvalidOperationException);
        });
        await host.StopAsync();
    }

    [Test]
    public async Task Stopping_the_host_stops_the_embedded_emulator()
    {
        using var host = await TwilioServices.StartHostAsync(new Dictionary<string, string?>());
        var address = host.Services.GetRequiredService<EmbeddedTwilioEmulator>().Server.BaseAddress;

        await host.StopAsync();

        using var http = new HttpClient { BaseAddress = address };
        Assert.That(async () => await http.GetAsync(new Uri("/", UriKind.Relative)), Throws.InstanceOf<HttpRequestException>());
    }
}
