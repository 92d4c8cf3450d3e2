using System.Globalization;
using System.Threading.RateLimiting;
using Messaging.Api.ProblemResponses;
using Messaging.Application.Common.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Messaging.Api.RateLimiting;

internal static class RateLimitingServiceCollectionExtensions
{
    public static IServiceCollection AddSendRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SendRateLimitOptions, SendRateLimitOptionsValidator>().Bind(configuration.GetSection(SendRateLimitOptions.SectionName));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) => Reject(context.HttpContext, context.Lease);

            options.AddPolicy<string, SendRateLimitPolicy>(RateLimitPolicies.Send);
        });
        return services;
    }

    private static async ValueTask Reject(HttpContext httpContext, RateLimitLease lease)
    {
        int? retryAfter = null;
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
        {
            retryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            httpContext.Response.Headers.RetryAfter = retryAfter.Value.ToString(CultureInfo.InvariantCulture);
        }

        await httpContext.WriteProblemAsync(Problems.TooManyRequests(retryAfter));
    }
}
