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
        services.AddScoped<IRateWindowCounter, RateWindowCounter>();
        return services;
    }
}
