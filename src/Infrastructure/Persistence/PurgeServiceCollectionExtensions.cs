using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Messaging.Infrastructure.Persistence;

internal static class PurgeServiceCollectionExtensions
{
    /// <summary>Runs <typeparamref name="TPurge"/> in the background on this instance (see <see cref="PeriodicPurgeService{TPurge}"/>).</summary>
    public static IServiceCollection AddPurge<TPurge>(this IServiceCollection services)
        where TPurge : class, IPurge
    {
        services.TryAddSingleton<TPurge>();
        return services.AddHostedService<PeriodicPurgeService<TPurge>>();
    }
}
