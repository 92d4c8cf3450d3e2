using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.Events;

/// <summary>
/// A purge of rows kept as long as the outbox's events: it runs every <see cref="OutboxOptions.PurgeIntervalMinutes"/>
/// and deletes what is older than <see cref="OutboxOptions.RetentionDays"/>, so the rows live and go with the events.
/// </summary>
internal abstract class OutboxRetentionPurge(IOptions<OutboxOptions> options) : IPurge
{
    public TimeSpan Interval => TimeSpan.FromMinutes(options.Value.PurgeIntervalMinutes);

    public abstract string Rows { get; }

    public Task<int> PurgeAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        RemoveBefore(services, now - TimeSpan.FromDays(options.Value.RetentionDays), cancellationToken);

    /// <summary>Deletes the rows older than <paramref name="cutoff"/>; returns how many.</summary>
    protected abstract Task<int> RemoveBefore(IServiceProvider services, DateTimeOffset cutoff, CancellationToken cancellationToken);
}
