using Messaging.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Infrastructure.Events;

public static class MessageEventsServiceCollectionExtensions
{
    /// <summary>One broadcaster per process: every dashboard connected to this instance hears every change made here.</summary>
    public static IServiceCollection AddMessageEvents(this IServiceCollection services)
    {
        services.AddSingleton<MessageEventBroadcaster>();
        services.AddSingleton<IMessageEvents>(sp => sp.GetRequiredService<MessageEventBroadcaster>());
        return services;
    }
}
