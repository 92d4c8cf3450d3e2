using Messaging.TwilioEmulator;

namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// The emulator this service started because no Twilio credentials are configured. Resolve it from the service
/// provider to see what was sent.
/// </summary>
public sealed class EmbeddedTwilioEmulator : IAsyncDisposable
{
    private TwilioEmulatorServer? _server;

    public bool IsRunning => Volatile.Read(ref _server) is not null;

    public TwilioEmulatorServer Server => Volatile.Read(ref _server)
        ?? throw new InvalidOperationException(
            "The embedded Twilio emulator is not running: Twilio credentials or an API address are configured, or the host has not started.");

    public async ValueTask DisposeAsync()
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    internal void Attach(TwilioEmulatorServer server)
    {
        if (Interlocked.CompareExchange(ref _server, server, null) is not null)
        {
            throw new InvalidOperationException("The embedded Twilio emulator is already running.");
        }
    }
}
