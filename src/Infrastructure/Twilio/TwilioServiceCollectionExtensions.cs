using Messaging.Application.Common.Configuration;
using Messaging.Application.Common.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

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
        services.AddValidatedOptions<TwilioOptions, TwilioOptionsValidator>().Bind(configuration.GetSection(TwilioOptions.SectionName));
        services.AddValidatedOptions<TwilioResilienceOptions, TwilioResilienceOptionsValidator>().Bind(configuration.GetSection(TwilioResilienceOptions.SectionName));

        services.TryAddSingleton(provider => TwilioAccount.From(provider.GetRequiredService<IOptions<TwilioOptions>>().Value));
        services.TryAddSingleton<TwilioWebhookUrls>();
        services.TryAddSingleton<TwilioWebhookValidator>();

        services.TryAddSingleton<EmbeddedTwilioEmulator>();
        services.TryAddSingleton<TwilioApiAddress>();
        services.AddHostedService<EmbeddedTwilioEmulatorService>();
        services.AddHostedService<UnknownOutcomeService>();

        services.TryAddTransient<CallerCancellationHandler>();
        services.TryAddTransient<TwilioApiRedirectHandler>();
        services.TryAddTransient<TwilioTelemetryHandler>();
        // Handlers run outermost first: the caller's token covers the whole call, resilience wraps each attempt,
        // and the redirect is applied to whatever attempt goes out.
        var http = services.AddHttpClient(TwilioRestClients.HttpClientName);
        http.AddHttpMessageHandler<CallerCancellationHandler>();
        http.AddStandardResilienceHandler().Configure((resilience, provider) =>
        {
            TwilioResilienceOptions settings;
            try
            {
                settings = provider.GetRequiredService<IOptions<TwilioResilienceOptions>>().Value;
            }
            catch (OptionsValidationException)
            {
                // Twilio:Resilience's own validation stops the start and names the setting; failing here as well would
                // report it a second time. The standard pipeline keeps its defaults until then.
                return;
            }

            var timeProvider = provider.GetRequiredService<TimeProvider>();
            resilience.TotalRequestTimeout.Timeout = settings.TotalTimeout;
            resilience.AttemptTimeout.Timeout = settings.AttemptTimeout;
            // The breaker must watch at least two attempts' worth of time (the standard pipeline's own rule).
            resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(
                resilience.CircuitBreaker.SamplingDuration.Ticks, 2 * settings.AttemptTimeout.Ticks));
            // Polly wants at least one retry; none at all is the predicate's answer instead.
            resilience.Retry.MaxRetryAttempts = Math.Max(1, settings.MaxRetryAttempts);
            resilience.Retry.Delay = settings.RetryDelay;
            resilience.Retry.ShouldRetryAfterHeader = true;
            resilience.Retry.ShouldHandle = args => ValueTask.FromResult(settings.MaxRetryAttempts > 0 && TwilioRetryPredicate.ShouldRetry(
                args.Outcome, args.Context.GetRequestMessage(), settings.MaxRetryAfter, timeProvider));
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
