namespace Messaging.Infrastructure.Persistence;

public sealed class SqliteMessagingDbContext(DbContextOptions<SqliteMessagingDbContext> options)
    : MessagingDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type that sorts or compares as an instant; UTC ticks do, so keyset paging translates.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
