using Messaging.TwilioEmulator;
using Microsoft.Extensions.Hosting;

namespace Messaging.Infrastructure.Twilio;

/// <summary>Starts the embedded emulator when no Twilio credentials are configured, and stops it with the host.</summary>
internal sealed class EmbeddedTwilioEmulatorService(
    IOptions<TwilioOptions> options,
    EmbeddedTwilioEmulator emulator,
    TwilioWebhookUrls webhookUrls,
    TimeProvider timeProvider,
    IHostEnvironment environment,
    ILogger<EmbeddedTwilioEmulatorService> logger) : IHostedLifecycleService
{
    private static readonly Uri AnyFreePort = new("http://127.0.0.1:0");

    // Started in StartingAsync, before any hosted service's StartAsync, so the emulator is up before the web
    // server takes its first request.
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!environment.IsDevelopment() && TwilioOptionsValidator.TrustsThePublicToken(settings, settings.HasCredentials))
        {
            // The validator let this through only because Twilio:UseEmulator says it is meant; it must still be loud.
            TwilioLog.TrustingThePublicToken(logger, environment.EnvironmentName);
        }

        if (!settings.UsesEmbeddedEmulator)
        {
            return;
        }

        var server = await TwilioEmulatorServer.StartAsync(
            new TwilioEmulatorOptions
            {
                AccountSid = TwilioEmulatorDefaults.AccountSid,
                AuthToken = TwilioEmulatorDefaults.AuthToken,
                Url = (settings.EmulatorUrl ?? AnyFreePort).ToString(),
                TimeProvider = timeProvider,
                Sender = settings.Sender,
            },
            cancellationToken);
        emulator.Attach(server);
        TwilioLog.UsingEmbeddedEmulator(logger, server.BaseAddress);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Runs once every hosted service has started, the web server included, so its listening address is known: the
    // emulator posts the inbound messages it simulates to this service like Twilio would.
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (emulator.IsRunning)
        {
            emulator.Server.InboundWebhookUrl = webhookUrls.Inbound;
        }

        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Stopped last, after the web server has drained the requests that may still be sending.
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (emulator.IsRunning)
        {
            await emulator.Server.StopAsync(cancellationToken);
        }
    }
}
