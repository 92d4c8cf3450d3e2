using Microsoft.Extensions.Hosting;

namespace Messaging.TwilioEmulator;

/// <summary>
/// The emulator lives inside another process; it must not react to Ctrl+C or SIGTERM on its own,
/// only when its owner stops it.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
