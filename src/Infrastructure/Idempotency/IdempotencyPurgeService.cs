using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.Idempotency;

/// <summary>
/// Deletes expired idempotency keys now and then. Expired keys are already ignored when claimed; this only keeps the
/// table from growing without end.
/// </summary>
internal sealed class IdempotencyPurgeService(
    IServiceScopeFactory scopeFactory,
    IOptions<IdempotencyOptions> options,
    TimeProvider timeProvider,
    ILogger<IdempotencyPurgeService> logger) : PeriodicPurgeService(scopeFactory, timeProvider, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.PurgeIntervalMinutes);

    protected override string Rows => "expired idempotency keys";

    protected override Task<int> PurgeAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<IIdempotencyStore>().PurgeExpired(cancellationToken);
}
