using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// The real application on a fresh SQLite file, talking through the real Twilio SDK to the embedded emulator over HTTP.
/// The customer-service window is not enforced unless asked for, so tests of sending need no customer to have written
/// first; the window's own tests turn it on.
/// Clients from <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> send <see cref="TestApiKeys.Full"/>.
/// </summary>
/// <param name="settings">Configuration on top of the test defaults.</param>
/// <param name="configureServices">Changes to the application's services, applied last.</param>
/// <param name="withApiKeys">Whether to configure <see cref="TestApiKeys"/>.</param>
/// <param name="enforceCustomerServiceWindow">Whether free-form sends need the customer to have written in 24 hours.</param>
public sealed class MessagingApiFactory(
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? configureServices = null,
    bool withApiKeys = true,
    bool enforceCustomerServiceWindow = false) : WebApplicationFactory<Program>
{
    private readonly EmptyDatabase _database = EmptyDatabase.CreateSqlite();
    private readonly IReadOnlyDictionary<string, string?> _settings = settings ?? new Dictionary<string, string?>();
    private readonly Action<IServiceCollection>? _configureServices = configureServices;
    private readonly bool _withApiKeys = withApiKeys;
    private readonly bool _enforceCustomerServiceWindow = enforceCustomerServiceWindow;

    public string DatabasePath => _database.SqliteFile!;

    /// <summary>
    /// Runs when Twilio has answered a message create with the new SID, before the service sees the answer: a status
    /// callback posted here arrives before the send has saved the message.
    /// </summary>
    public Func<string, Task>? OnTwilioMessageCreated { get; set; }

    /// <summary>A client that sends <paramref name="apiKey"/> in <c>X-Api-Key</c>, or no key at all when null.</summary>
    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", _database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Twilio:AccountSid", string.Empty);
        builder.UseSetting("Twilio:AuthToken", string.Empty);
        builder.UseSetting("Twilio:UseEmulator", "true");
        builder.UseSetting("Messaging:EnforceCustomerServiceWindow", _enforceCustomerServiceWindow ? "true" : "false");

        var index = 0;
        foreach (var (name, key, scopes) in _withApiKeys ? TestApiKeys.All : [])
        {
            var entry = string.Create(CultureInfo.InvariantCulture, $"Auth:ApiKeys:{index++}");
            builder.UseSetting($"{entry}:Name", name);
            builder.UseSetting($"{entry}:Sha256", TestApiKeys.Sha256Hex(key));
            for (var s = 0; s < scopes.Length; s++)
            {
                builder.UseSetting(string.Create(CultureInfo.InvariantCulture, $"{entry}:Scopes:{s}"), scopes[s]);
            }
        }

        // Tests that are not about rate limits must never meet one.
        builder.UseSetting("RateLimiting:Send:PermitLimit", "100000");

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddFakeLogging());
        builder.ConfigureTestServices(services =>
            services.AddSingleton<IHttpMessageHandlerBuilderFilter>(new TwilioAnswerHookFilter(sid => OnTwilioMessageCreated?.Invoke(sid) ?? Task.CompletedTask)));
        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", TestApiKeys.Full);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.DeleteSqliteFile();
        }
    }
}
