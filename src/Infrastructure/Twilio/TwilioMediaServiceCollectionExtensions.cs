using Messaging.Application.Common.Configuration;
using Messaging.Infrastructure.Network;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Messaging.Infrastructure.Twilio;

internal static class TwilioMediaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITwilioMediaClient"/> with its media settings from the <c>Twilio</c> section, validated
    /// at start, on an HTTP client that never follows redirects by itself and connects to public addresses only, except
    /// for the configured Twilio API origin (which is loopback when the emulator stands in for Twilio).
    /// </summary>
    internal static IServiceCollection AddTwilioMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TwilioMediaOptions, TwilioMediaOptionsValidator>().Bind(configuration.GetSection(TwilioOptions.SectionName));

        // Redirects are followed by the client itself, so that credentials are dropped after the first hop and every
        // hop is checked; the handler following them would resend the Authorization header to wherever they point.
        services.AddHttpClient(TwilioMediaClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                // Read at each connection: the embedded emulator's origin is known only once it has started.
                var apiAddress = provider.GetRequiredService<TwilioApiAddress>();
                return OutboundHandler.Create(endPoint =>
                {
                    var origin = apiAddress.Origin;
                    return string.Equals(endPoint.Host.Trim('[', ']'), origin.IdnHost.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
                        && endPoint.Port == origin.Port;
                });
            });

        services.TryAddSingleton<ITwilioMediaClient, TwilioMediaClient>();
        return services;
    }
}
