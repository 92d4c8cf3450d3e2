using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.Events;

/// <summary>
/// Deletes events older than <see cref="OutboxOptions.RetentionDays"/>. The head row keeps the highest position, so
/// positions are never reused, and a listener that asks for a purged position is told to start again.
/// </summary>
internal sealed class EventPurge(IOptions<OutboxOptions> options) : OutboxRetentionPurge(options)
{
    public override string Rows => "events older than their retention";

    /// <summary>Deletes by age in chunks (<see cref="ChunkedDelete"/>), whichever instance runs it.</summary>
    internal static Task<int> RemoveOccurredBefore(
        MessagingDbContext context, DatabaseWriter writer, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        ChunkedDelete.Run<OutboxEvent, DateTimeOffset>(context, writer, e => e.OccurredAt < cutoff, e => e.OccurredAt, cancellationToken);

    protected override Task<int> RemoveBefore(IServiceProvider services, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        RemoveOccurredBefore(services.GetRequiredService<MessagingDbContext>(), services.GetRequiredService<DatabaseWriter>(), cutoff, cancellationToken);
}
