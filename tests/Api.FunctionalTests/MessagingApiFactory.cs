using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// The real application on a fresh SQLite file, talking through the real Twilio SDK to the embedded emulator over HTTP.
/// The customer-service window is not enforced unless asked for, so tests of sending need no customer to have written
/// first; the window's own tests turn it on.
/// </summary>
public sealed class MessagingApiFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("messaging-api-").FullName;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _enforceCustomerServiceWindow;

    public MessagingApiFactory(IReadOnlyDictionary<string, string?>? settings = null, bool enforceCustomerServiceWindow = false)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _enforceCustomerServiceWindow = enforceCustomerServiceWindow;
    }

    public string DatabasePath => Path.Combine(_directory, "messaging.db");

    /// <summary>
    /// Runs when Twilio has answered a message create with the new SID, before the service sees the answer: a status
    /// callback posted here arrives before the send has saved the message.
    /// </summary>
    public Func<string, Task>? OnTwilioMessageCreated { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Twilio:AccountSid", string.Empty);
        builder.UseSetting("Twilio:AuthToken", string.Empty);
        builder.UseSetting("Messaging:EnforceCustomerServiceWindow", _enforceCustomerServiceWindow ? "true" : "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddFakeLogging());
        builder.ConfigureTestServices(services =>
            services.AddSingleton<IHttpMessageHandlerBuilderFilter>(new TwilioAnswerHookFilter(sid => OnTwilioMessageCreated?.Invoke(sid) ?? Task.CompletedTask)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the OS is left for the temp cleaner; it never affects another test.
            }
        }
    }
}
