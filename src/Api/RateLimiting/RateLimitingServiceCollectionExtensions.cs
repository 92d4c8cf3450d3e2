using Messaging.Application.Common.Configuration;

namespace Messaging.Api.RateLimiting;

internal static class RateLimitingServiceCollectionExtensions
{
    public static IServiceCollection AddSendRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SendRateLimitOptions, SendRateLimitOptionsValidator>().Bind(configuration.GetSection(SendRateLimitOptions.SectionName));
        services.AddScoped<SendRateLimitFilter>();
        return services;
    }
}
