using Microsoft.AspNetCore.Mvc.Filters;

namespace Messaging.Api.Idempotency;

/// <summary>
/// Makes an action honour the <c>Idempotency-Key</c> header: see <see cref="IdempotencyFilter"/>. Without the header
/// the action runs as if the attribute were not there.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    // Runs after [ApiController]'s model-state filter (-2000), so a request that cannot be bound never claims a key.
    public int Order => 0;

    // The filter keeps the claim of one request between its action and result stages.
    public bool IsReusable => false;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        serviceProvider.GetRequiredService<IdempotencyFilter>();
}
