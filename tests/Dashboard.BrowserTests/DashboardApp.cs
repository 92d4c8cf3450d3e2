using Messaging.TwilioEmulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Dashboard.BrowserTests;

/// <summary>
/// The real service on Kestrel at 127.0.0.1 with a fresh SQLite file and the embedded Twilio emulator, which calls the
/// service back with signed status callbacks, as with <c>dotnet run</c>.
/// </summary>
public sealed class DashboardApp : WebApplicationFactory<Program>
{
    public const string ApiKey = "browser-test-key";

    private readonly EmptyDatabase _database = EmptyDatabase.CreateSqlite();
    private readonly OpenEventStreams _eventStreams = new();

    public DashboardApp()
    {
        UseKestrel(0);
        StartServer();
        using var client = CreateClient();
        BaseAddress = client.BaseAddress!;
    }

    public Uri BaseAddress { get; }

    /// <summary>Drops the connection of every open event stream, as a network would; returns how many there were.</summary>
    public int DropEventStreams() => _eventStreams.DropAll();

    public TwilioEmulatorServer Emulator => TestApplication.Emulator(Services);

    /// <summary>
    /// Stores a customer's message written at <paramref name="at"/> through the service's own repository, as the
    /// inbound webhook would, for histories that span days; no live event is sent for it.
    /// </summary>
    public Task StoreInbound(string customer, DateTimeOffset at, string body, string? profileName = null) =>
        TestApplication.StoreAsync(Services, TestApplication.Inbound(Services, customer, at, body, profileName));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseTestDefaults(_database, [new TestApiKey("browser", ApiKey, ["messages:send", "messages:read"])]);
        builder.UseSetting("Messaging:DefaultRegion", "US");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(_eventStreams));
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
