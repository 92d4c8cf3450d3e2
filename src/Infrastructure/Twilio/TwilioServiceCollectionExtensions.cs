using Messaging.Application.Common.Diagnostics;
using Messaging.Application.Common.Interfaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Messaging.Infrastructure.Twilio;

internal static class TwilioServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITwilioGateway"/> and <see cref="IContentTemplateSource"/> bound to the <c>Twilio</c>
    /// section, validated at start, and the embedded emulator that stands in for Twilio when no credentials are
    /// configured.
    /// </summary>
    internal static IServiceCollection AddTwilio(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMessagingTelemetry();
        services.AddOptions<TwilioOptions>()
            .Bind(configuration.GetSection(TwilioOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>());

        services.TryAddSingleton(provider => TwilioAccount.From(provider.GetRequiredService<IOptions<TwilioOptions>>().Value));
        services.TryAddSingleton<TwilioWebhookUrls>();
        services.TryAddSingleton<TwilioWebhookValidator>();

        services.TryAddSingleton<EmbeddedTwilioEmulator>();
        services.TryAddSingleton<TwilioApiAddress>();
        services.AddHostedService<EmbeddedTwilioEmulatorService>();

        services.TryAddTransient<CallerCancellationHandler>();
        services.TryAddTransient<TwilioApiRedirectHandler>();
        services.TryAddTransient<TwilioTelemetryHandler>();
        // Handlers run outermost first: the caller's token covers the whole call, resilience wraps each attempt,
        // and the redirect is applied to whatever attempt goes out.
        var http = services.AddHttpClient(TwilioRestClients.HttpClientName);
        http.AddHttpMessageHandler<CallerCancellationHandler>();
        http.AddStandardResilienceHandler(resilience =>
        {
            // Twilio creates a message for every create it receives, even when its answer is lost on the way back,
            // and the Messages API takes no idempotency key: a retried POST can deliver the WhatsApp message twice.
            // Only safe methods (fetches) are retried; a failed create surfaces to the caller instead.
            resilience.Retry.DisableForUnsafeHttpMethods();
        });
        // Inside resilience, so that each attempt is timed and traced on its own.
        http.AddHttpMessageHandler<TwilioTelemetryHandler>();
        http.AddHttpMessageHandler<TwilioApiRedirectHandler>();

        services.TryAddSingleton<TwilioRestClients>();
        services.TryAddSingleton<ITwilioGateway, TwilioGateway>();
        services.TryAddSingleton<IContentTemplateSource, TwilioContentTemplateSource>();
        services.AddTwilioMedia(configuration);
        return services;
    }
}
