using System.Threading.RateLimiting;
using Messaging.Infrastructure.RateLimiting;

namespace Messaging.Api.RateLimiting;

/// <summary>
/// One API key's send limit, counted in the database (<see cref="IRateWindowCounter"/>) so that every instance of the
/// service shares the key's window. The settings are read at every request, so a reloaded configuration applies at once.
/// </summary>
internal sealed class DatabaseWindowRateLimiter(
    string partition, IServiceScopeFactory scopes, IOptionsMonitor<SendRateLimitOptions> options) : RateLimiter
{
    // Never idle: the partitioned limiter would otherwise drop and rebuild it, and there is nothing in it to free.
    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    // Only the database can say: the synchronous attempt declines, and the middleware then asks AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => WindowLease.Undecided;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        await using var scope = scopes.CreateAsyncScope();
        var decision = await scope.ServiceProvider.GetRequiredService<IRateWindowCounter>()
            .TryTake(partition, settings.PermitLimit, TimeSpan.FromSeconds(settings.WindowSeconds), cancellationToken);
        return decision.Taken ? WindowLease.Acquired : new WindowLease(false, decision.RetryAfter);
    }
}
