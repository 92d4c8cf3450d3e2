using Messaging.Infrastructure.Idempotency;

namespace Messaging.Infrastructure.Persistence;

public sealed class SqlServerMessagingDbContext(DbContextOptions<SqlServerMessagingDbContext> options)
    : MessagingDbContext(options)
{
    /// <summary>
    /// Compares code points, so idempotency keys that differ only in case are different keys, as they are on SQLite and
    /// PostgreSQL. SQL Server's usual collations ignore case, and the unique index would make them collide.
    /// </summary>
    public const string IdempotencyKeyCollation = "Latin1_General_100_BIN2";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<IdempotencyRecord>().Property(r => r.Key).UseCollation(IdempotencyKeyCollation);
    }
}
