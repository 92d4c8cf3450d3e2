namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// Connection strings the migration tools build their contexts with. Adding a migration or printing a script
/// never opens them.
/// </summary>
internal static class DesignTimeConnectionStrings
{
    public const string Sqlite = "Data Source=messaging.db";

    public const string SqlServer = "Server=.;Database=Messaging;Trusted_Connection=True;TrustServerCertificate=True";

    public const string PostgreSql = "Host=localhost;Database=messaging;Username=messaging";
}
