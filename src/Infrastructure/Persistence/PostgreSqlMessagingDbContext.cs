using Messaging.Domain.Messages;

namespace Messaging.Infrastructure.Persistence;

public sealed class PostgreSqlMessagingDbContext(DbContextOptions<PostgreSqlMessagingDbContext> options)
    : MessagingDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // PostgreSQL quotes identifiers with double quotes; brackets are a syntax error there.
        modelBuilder.Entity<Message>()
            .Property<string>(MessageConfiguration.ContactProperty)
            .HasComputedColumnSql(MessageConfiguration.ContactSql(column => $"\"{column}\""), stored: true);
    }
}
