using Messaging.Infrastructure.Events;
using Messaging.Infrastructure.Idempotency;
using Messaging.Infrastructure.Persistence;
using Messaging.Infrastructure.RateLimiting;
using Messaging.Infrastructure.Twilio;
using Messaging.Infrastructure.Webhooks;
using Microsoft.Extensions.Configuration;

namespace Messaging.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructureServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddPersistence(configuration);
        services.AddTwilio(configuration);
        services.AddIdempotency(configuration);
        services.AddEventOutbox(configuration);
        services.AddWebhooks(configuration);
        // SQLite serves one instance: its send windows are kept in the process, the servers' in the database.
        services.AddSingleton<InProcessRateWindowCounter>();
        services.AddScoped<RateWindowCounter>();
        services.AddScoped<IRateWindowCounter>(provider => provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsSqlite
            ? provider.GetRequiredService<InProcessRateWindowCounter>()
            : provider.GetRequiredService<RateWindowCounter>());
        return services;
    }
}
