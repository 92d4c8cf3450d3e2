using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http;

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
/// <param name="twilioApi">
/// A stand-in for Twilio's API instead of the emulator (on loopback, over http or over https with
/// <see cref="TestCertificate"/>), holding the account <see cref="TwilioStandIn"/>; <paramref name="settings"/> apply over it.
/// </param>
/// <param name="settingsFile">A JSON file of settings over all others, for a test that rewrites it and reloads the configuration.</param>
public sealed class MessagingApiFactory(
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? configureServices = null,
    bool withApiKeys = true,
    bool enforceCustomerServiceWindow = false,
    Uri? twilioApi = null,
    string? settingsFile = null) : WebApplicationFactory<Program>
{
    private readonly EmptyDatabase _database = EmptyDatabase.CreateSqlite();
    private readonly IReadOnlyDictionary<string, string?> _settings = settings ?? new Dictionary<string, string?>();

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

    /// <summary>
    /// Serves on Kestrel at 127.0.0.1 instead of the in-memory test server, and starts now: for what only a real
    /// connection shows, such as a client closing a stream.
    /// </summary>
    public MessagingApiFactory OnKestrel()
    {
        UseKestrel(0);
        StartServer();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseTestDefaults(_database, withApiKeys ? TestApiKeys.All : []);
        builder.UseSetting("Messaging:EnforceCustomerServiceWindow", enforceCustomerServiceWindow ? "true" : "false");
        if (twilioApi is not null)
        {
            builder.UseSetting("Twilio:AccountSid", TwilioStandIn.AccountSid);
            builder.UseSetting("Twilio:AuthToken", TwilioStandIn.AuthToken);
            builder.UseSetting("Twilio:From", TwilioStandIn.Sender);
            builder.UseSetting("Twilio:ApiBaseUrl", twilioApi.AbsoluteUri);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (settingsFile is not null)
        {
            builder.ConfigureAppConfiguration(configuration => configuration.AddJsonFile(settingsFile, optional: false, reloadOnChange: false));
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IHttpMessageHandlerBuilderFilter>(new TwilioAnswerHookFilter(sid => OnTwilioMessageCreated?.Invoke(sid) ?? Task.CompletedTask));
            if (twilioApi is not null)
            {
                // The stand-in serves the test certificate, as Twilio's hosts serve theirs.
                services.AddSingleton<IHttpMessageHandlerBuilderFilter, TrustTestCertificateFilter>();
            }
        });
        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
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
