using MediatR;
using Messaging.Application;
using Messaging.Application.Conversations;
using Messaging.Infrastructure.Events;
using Messaging.Infrastructure.IntegrationTests.Twilio;
using Messaging.Infrastructure.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The application's commands over the real repositories on a database of its own (a SQLite file or a PostgreSQL
/// database), sending through the real Twilio SDK to an emulator on a loopback port.
/// </summary>
internal sealed class MessagingOnDatabase : IAsyncDisposable
{
    public const string Sender = "whatsapp:+15005550006";

    private readonly TestDatabase _database;

    private MessagingOnDatabase(TestDatabase database, TwilioEmulatorServer emulator)
    {
        _database = database;
        Emulator = emulator;
    }

    public TwilioEmulatorServer Emulator { get; }

    /// <summary>Runs with the SID of each message Twilio creates, before the gateway reads Twilio's answer.</summary>
    public Func<string, Task>? OnTwilioMessageCreated { get; set; }

    public static async Task<MessagingOnDatabase> CreateAsync(string provider)
    {
        var accountSid = "AC" + Guid.NewGuid().ToString("N");
        var authToken = Guid.NewGuid().ToString("N");
        var emulator = await TwilioEmulatorServer.StartAsync(new TwilioEmulatorOptions { AccountSid = accountSid, AuthToken = authToken });
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = accountSid,
            ["Twilio:AuthToken"] = authToken,
            ["Twilio:From"] = Sender,
            ["Twilio:ApiBaseUrl"] = emulator.BaseAddress.ToString(),
        };

        MessagingOnDatabase? app = null;
        var database = await TestDatabase.CreateAsync(provider, settings, (services, configuration) =>
        {
            services.AddLogging(logging => logging.AddFakeLogging());
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(TwilioServices.Development));
            services.AddApplicationServices();
            // These tests are about races between sends and callbacks; the window rule has tests of its own.
            services.Configure<CustomerServiceWindowOptions>(options => options.EnforceCustomerServiceWindow = false);
            services.AddTwilio(configuration);
            services.AddEventOutbox(configuration);
            services.AddWebhooks(configuration);
            services.AddHttpClient(TwilioRestClients.HttpClientName).AddHttpMessageHandler(() => new TwilioAnswerHook(sid => app?.OnTwilioMessageCreated?.Invoke(sid) ?? Task.CompletedTask));
        });
        app = new MessagingOnDatabase(database, emulator);
        return app;
    }

    /// <summary>Sends <paramref name="request"/> through the mediator in a scope of its own, as one HTTP request would.</summary>
    public async Task<TResponse> Send<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = _database.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public AsyncServiceScope CreateScope() => _database.CreateScope();

    public async Task<T> Query<T>(Func<MessagingDbContext, Task<T>> query)
    {
        await using var scope = _database.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MessagingDbContext>());
    }

    public Task<int> PendingCount() => Query(db => db.PendingStatusUpdates.CountAsync());

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
