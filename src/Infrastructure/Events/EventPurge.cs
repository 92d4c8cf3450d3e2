using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.Events;

/// <summary>
/// Deletes events older than <see cref="OutboxOptions.RetentionDays"/>. The head row keeps the highest position, so
/// positions are never reused, and a listener that asks for a purged position is told to start again.
/// </summary>
internal sealed class EventPurge(IOptions<OutboxOptions> options) : IPurge
{
    public TimeSpan Interval => TimeSpan.FromMinutes(options.Value.PurgeIntervalMinutes);

    public string Rows => "events older than their retention";

    public Task<int> PurgeAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        RemoveOccurredBefore(
            services.GetRequiredService<MessagingDbContext>(),
            services.GetRequiredService<DatabaseWriter>(),
            now - TimeSpan.FromDays(options.Value.RetentionDays),
            cancellationToken);

    /// <summary>Deletes by age in chunks (<see cref="ChunkedDelete"/>), whichever instance runs it.</summary>
    internal static Task<int> RemoveOccurredBefore(
        MessagingDbContext context, DatabaseWriter writer, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        ChunkedDelete.Run<OutboxEvent, DateTimeOffset>(context, writer, e => e.OccurredAt < cutoff, e => e.OccurredAt, cancellationToken);
}
