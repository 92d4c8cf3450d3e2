using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// Ready only when every migration this build knows is applied: an instance started ahead of the deployment step that
/// migrates the database would otherwise take traffic and fail on tables or columns that are not there yet.
/// </summary>
internal sealed class MigrationsHealthCheck(MessagingDbContext database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pending = (await database.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending == 0
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, $"{pending} migrations are not applied to the database.");
    }
}
