using System.Security.Cryptography;
using System.Text;
using Messaging.Application.Common.Interfaces;
using Messaging.Domain.Messages;
using Messaging.Infrastructure.Twilio;
using Messaging.TwilioEmulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

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

    public TwilioEmulatorServer Emulator => Services.GetRequiredService<EmbeddedTwilioEmulator>().Server;

    /// <summary>
    /// Stores a customer's message written at <paramref name="at"/> through the service's own repository, as the
    /// inbound webhook would, for histories that span days; no live event is sent for it.
    /// </summary>
    public async Task StoreInbound(string customer, DateTimeOffset at, string body, string? profileName = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ITwilioGateway>().SenderAddress;
        var message = Message.Inbound(
            "SM" + Guid.NewGuid().ToString("N"),
            WhatsAppAddress.FromE164(customer),
            WhatsAppAddress.FromE164(sender[WhatsAppAddress.Prefix.Length..]),
            body,
            null,
            profileName,
            at);
        await scope.ServiceProvider.GetRequiredService<IMessageRepository>().AddIfAbsent(message, CancellationToken.None);
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
        builder.UseSetting("Auth:ApiKeys:0:Name", "browser");
        builder.UseSetting("Auth:ApiKeys:0:Sha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))));
        builder.UseSetting("Auth:ApiKeys:0:Scopes:0", "messages:send");
        builder.UseSetting("Auth:ApiKeys:0:Scopes:1", "messages:read");
        builder.UseSetting("RateLimiting:Send:PermitLimit", "100000");
        builder.UseSetting("Messaging:DefaultRegion", "US");
        builder.ConfigureLogging(logging => logging.AddFakeLogging());
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
