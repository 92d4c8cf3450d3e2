namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

/// <summary>A <see cref="WebhookReceiver"/> of each test's own, for the webhooks the emulators it starts post.</summary>
public abstract class WebhookReceiverFixture
{
    private protected WebhookReceiver Receiver { get; private set; } = null!;

    [SetUp]
    public async Task StartReceiver() => Receiver = await WebhookReceiver.StartAsync();

    [TearDown]
    public async Task StopReceiver() => await Receiver.DisposeAsync();
}
