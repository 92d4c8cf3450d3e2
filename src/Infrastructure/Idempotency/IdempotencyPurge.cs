using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.Idempotency;

/// <summary>
/// Deletes expired idempotency keys now and then. Expired keys are already ignored when claimed; this only keeps the
/// table from growing without end.
/// </summary>
internal sealed class IdempotencyPurge(IOptions<IdempotencyOptions> options) : IPurge
{
    public TimeSpan Interval => TimeSpan.FromMinutes(options.Value.PurgeIntervalMinutes);

    public string Rows => "expired idempotency keys";

    public Task<int> PurgeAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<IIdempotencyStore>().PurgeExpired(cancellationToken);
}
