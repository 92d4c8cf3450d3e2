using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Messaging.Api.RateLimiting;

/// <summary>Sends, partitioned by API key; each key's window is kept in the database.</summary>
internal sealed class SendRateLimitPolicy(IServiceScopeFactory scopes, IOptionsMonitor<SendRateLimitOptions> options) : IRateLimiterPolicy<string>
{
    // The rejection is written by the limiter's global handler, with the problem response every refusal has.
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    // Every request that reaches a rate-limited endpoint has passed authentication, so the name is the key's.
    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.Get(
            httpContext.User.Identity?.Name ?? string.Empty,
            partition => new DatabaseWindowRateLimiter(partition, scopes, options));
}
