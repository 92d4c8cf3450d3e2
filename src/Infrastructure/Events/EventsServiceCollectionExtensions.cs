using Messaging.Infrastructure.Persistence;
using Messaging.Application.Common.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Messaging.Infrastructure.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>The outbox (events written with the changes they announce) and this instance's tail of it.</summary>
    public static IServiceCollection AddEventOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<OutboxOptions, OutboxOptionsValidator>().Bind(configuration.GetSection(OutboxOptions.SectionName));
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<IEventOutbox, EventOutbox>();
        services.TryAddScoped<IEventLog, EventLog>();
        services.TryAddSingleton<EventFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<EventFeed>());
        services.AddPurge<EventPurge>();
        return services;
    }
}
