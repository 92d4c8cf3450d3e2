using Microsoft.AspNetCore.Mvc.Filters;

namespace Messaging.Api.Idempotency;

/// <summary>
/// Makes an action honour the <c>Idempotency-Key</c> header: see <see cref="IdempotencyFilter"/>. Without the header
/// the action runs as if the attribute were not there. An action that carries it stops on the request's cancellation
/// only where it has done nothing yet (the send never passes the caller's token to Twilio's create, nor to the store
/// after it): a cancellation that ends it gives the key back.
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
