namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

/// <summary>
/// An emulator of each test's own, with the real Twilio SDK pointed at it, started after the test's
/// <see cref="WebhookReceiverFixture.Receiver"/> so that its options can name the receiver.
/// </summary>
public abstract class EmulatorFixture : WebhookReceiverFixture
{
    private protected EmulatorClient Emulator { get; private set; } = null!;

    private protected SdkClient Sdk { get; private set; } = null!;

    private protected TwilioEmulatorServer Server => Emulator.Server;

    [SetUp]
    public async Task StartEmulator()
    {
        Emulator = await EmulatorClient.StartAsync(Configure);
        Sdk = Emulator.Sdk();
    }

    [TearDown]
    public async Task StopEmulator()
    {
        Sdk.Dispose();
        await Emulator.DisposeAsync();
    }

    /// <summary>The emulator's options for the fixture's tests; <see cref="EmulatorClient"/>'s defaults unless overridden.</summary>
    private protected virtual void Configure(TwilioEmulatorOptions options)
    {
    }
}
