using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// The real application on a fresh SQLite file, talking through the real Twilio SDK to the embedded emulator over HTTP.
/// The customer-service window is not enforced unless asked for, so tests of sending need no customer to have written
/// first; the window's own tests turn it on.
/// </summary>
public sealed class MessagingApiFactory(bool enforceCustomerServiceWindow = false) : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("messaging-api-").FullName;

    public string DatabasePath => Path.Combine(_directory, "messaging.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Twilio:AccountSid", string.Empty);
        builder.UseSetting("Twilio:AuthToken", string.Empty);
        builder.UseSetting("Messaging:EnforceCustomerServiceWindow", enforceCustomerServiceWindow ? "true" : "false");
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
