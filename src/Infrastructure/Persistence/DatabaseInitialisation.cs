namespace Messaging.Infrastructure.Persistence;

public static class DatabaseInitialisation
{
    /// <summary>
    /// Prepares the database before the application serves requests: validates <c>Database</c> options, switches
    /// SQLite to write-ahead logging, and applies migrations when <see cref="DatabaseOptions.MigrateOnStartup"/> says so.
    /// </summary>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        if (options.IsSqlite)
        {
            // WAL lets readers work alongside the single writer; the setting is stored in the file, so once is enough.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (options.ShouldMigrateOnStartup)
        {
            await context.Database.MigrateAsync(cancellationToken);
        }
    }
}
