using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Messaging.Application.Common.Diagnostics;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Registers <see cref="MessagingTelemetry"/> once, on the container's meter factory.</summary>
    public static IServiceCollection AddMessagingTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<MessagingTelemetry>();
        return services;
    }
}
