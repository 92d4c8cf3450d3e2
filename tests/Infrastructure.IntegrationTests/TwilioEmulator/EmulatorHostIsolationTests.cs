using Microsoft.Extensions.Hosting;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

/// <summary>
/// The service starts its embedded emulator while its own host starts. Under WebApplicationFactory that start runs in
/// the async context the factory watches for the application's host, so the emulator's host must not be seen there.
/// </summary>
public sealed class EmulatorHostIsolationTests
{
    [Test]
    public async Task The_emulators_host_is_built_outside_the_callers_async_context()
    {
        using var watcher = HostBuildWatcher.Watch();

        // The watcher sees a host built here: without this, a watcher that saw nothing would prove nothing.
        using (Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings()).Build())
        {
        }

        var seenBefore = watcher.Built;
        await using var server = await TwilioEmulatorServer.StartAsync(new TwilioEmulatorOptions { Url = "http://127.0.0.1:0" });

        Assert.Multiple(() =>
        {
            Assert.That(seenBefore, Is.EqualTo(1));
            Assert.That(watcher.Built, Is.EqualTo(1), "the emulator's host was built where a WebApplicationFactory would take it");
            Assert.That(server.BaseAddress.IsLoopback, Is.True);
        });
    }
}
