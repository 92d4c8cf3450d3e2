using Messaging.Infrastructure.Persistence;
using Messaging.Application.Common.Configuration;
using Messaging.Application.Webhooks;
using Messaging.Infrastructure.Network;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Messaging.Infrastructure.Webhooks;

internal static class WebhooksServiceCollectionExtensions
{
    /// <summary>Webhook subscriptions, their dispatcher and its HTTP client, bound to the <c>Webhooks</c> section.</summary>
    internal static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WebhookOptions, WebhookOptionsValidator>().Bind(configuration.GetSection(WebhookOptions.SectionName));
        services.AddScoped<IWebhookSubscriptionRepository, WebhookSubscriptionRepository>();
        services.TryAddSingleton<IWebhookAddressCheck, WebhookAddressCheck>();
        services.AddScoped<WebhookDeliveryStore>();
        services.AddScoped<DatabaseLease>();

        // A receiver's redirect is a failed attempt, never followed: it could point anywhere, the signature included.
        // Each connection is checked again, so a name that resolves to an internal address later is refused then.
        services.AddHttpClient(WebhookSender.HttpClientName, http =>
            {
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.UserAgent.ParseAdd("Messaging-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var allowPrivateNetworks = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks;
                return OutboundHandler.Create(_ => allowPrivateNetworks);
            });
        services.TryAddSingleton<WebhookSender>();
        services.AddHostedService<WebhookDispatcher>();
        services.AddPurge<WebhookDeliveryPurge>();
        return services;
    }
}
