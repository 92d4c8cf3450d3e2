using Microsoft.AspNetCore.Mvc.Filters;

namespace Messaging.Api.RateLimiting;

/// <summary>
/// Limits an action's requests per API key: see <see cref="SendRateLimitFilter"/>. It runs after the idempotency filter,
/// so a replayed answer takes no permit (it sends nothing), and a refusal gives the idempotency key back.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SendRateLimitedAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    // After [Idempotent] (0), which itself follows [ApiController]'s model-state filter (-2000).
    public int Order => 1;

    public bool IsReusable => false;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        serviceProvider.GetRequiredService<SendRateLimitFilter>();
}
