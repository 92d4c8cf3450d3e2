namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// Deletes statuses kept for SIDs that never became messages (a send that failed after Twilio accepted it, a callback
/// for another system's message) once they are older than <see cref="DatabaseOptions.PendingStatusRetentionDays"/>.
/// A status still waiting for its message is applied the moment the message is stored, which happens within seconds.
/// </summary>
internal sealed class PendingStatusPurge(IOptions<DatabaseOptions> options) : IPurge
{
    public TimeSpan Interval => TimeSpan.FromMinutes(options.Value.PendingStatusPurgeIntervalMinutes);

    public string Rows => "pending statuses of messages never stored";

    public Task<int> PurgeAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        new PendingStatusUpdateRepository(services.GetRequiredService<MessagingDbContext>(), services.GetRequiredService<DatabaseWriter>())
            .RemoveReceivedBefore(now - TimeSpan.FromDays(options.Value.PendingStatusRetentionDays), cancellationToken);
}
