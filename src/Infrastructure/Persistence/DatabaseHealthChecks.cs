namespace Messaging.Infrastructure.Persistence;

public static class DatabaseHealthChecks
{
    /// <summary>Adds a check that the database's schema is the one this build expects: no migration left to apply.</summary>
    public static IHealthChecksBuilder AddMigrationsCheck(this IHealthChecksBuilder builder, string tag) =>
        builder.AddCheck<MigrationsHealthCheck>("migrations", tags: [tag]);
}
