using Messaging.Api.Authorization;
using Messaging.Application.Webhooks;
using Messaging.Application.Webhooks.Commands.CreateWebhookSubscription;
using Messaging.Application.Webhooks.Commands.DeleteWebhookSubscription;
using Messaging.Application.Webhooks.Commands.RedeliverWebhookDelivery;
using Messaging.Application.Webhooks.Commands.RotateWebhookSecret;
using Messaging.Application.Webhooks.Queries.GetWebhookDeliveries;
using Messaging.Application.Webhooks.Queries.GetWebhookSubscriptionById;
using Messaging.Application.Webhooks.Queries.GetWebhookSubscriptions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Messaging.Api.Controllers;

/// <summary>Signed outgoing webhooks: subscriptions, and what became of each event delivered to them.</summary>
[Route("api/webhook-subscriptions")]
[Authorize(Policy = ApiPolicies.WebhooksManage)]
public sealed class WebhookSubscriptionsController(IMediator mediator) : ApiKeyControllerBase
{
    /// <summary>
    /// Subscribes a URL to events. The answer holds the secret the deliveries are signed with; it is never shown again.
    /// </summary>
    [HttpPost]
    [ProducesResponseType<WebhookSubscriptionWithSecretDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public async Task<ActionResult<WebhookSubscriptionWithSecretDto>> Create(
        [FromBody] CreateWebhookSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var subscription = await mediator.Send(command, cancellationToken);
        return CreatedAtAction(nameof(GetById), new { id = subscription.Id }, subscription);
    }

    /// <summary>Lists every subscription, oldest first, without secrets.</summary>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<WebhookSubscriptionDto>>(StatusCodes.Status200OK)]
    public Task<IReadOnlyList<WebhookSubscriptionDto>> List(CancellationToken cancellationToken) =>
        mediator.Send(new GetWebhookSubscriptionsQuery(), cancellationToken);

    /// <summary>One subscription: its status says whether it was disabled, when and why.</summary>
    [HttpGet("{id}")]
    [ProducesResponseType<WebhookSubscriptionDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<WebhookSubscriptionDto> GetById(Guid id, CancellationToken cancellationToken) =>
        mediator.Send(new GetWebhookSubscriptionByIdQuery(id), cancellationToken);

    /// <summary>Deletes a subscription and its deliveries.</summary>
    [HttpDelete("{id}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteWebhookSubscriptionCommand(id), cancellationToken);
        return NoContent();
    }

    /// <summary>
    /// Gives the subscription a new secret, shown in this answer only. Until <c>previousSecretExpiresAt</c> deliveries
    /// carry a signature with each secret, the new one first, so receivers can move to it; a secret rotated out earlier
    /// and still signing stops at once (one previous secret is kept).
    /// </summary>
    [HttpPost("{id}/secret")]
    [ProducesResponseType<WebhookSubscriptionWithSecretDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<WebhookSubscriptionWithSecretDto> RotateSecret(
        Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RotateWebhookSecretRequest? request, CancellationToken cancellationToken) =>
        mediator.Send(new RotateWebhookSecretCommand(id, request?.PreviousSecretValidFor), cancellationToken);

    /// <summary>A subscription's deliveries, newest event first, one page at a time.</summary>
    [HttpGet("{id}/deliveries")]
    [ProducesResponseType<WebhookDeliveryPageDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<WebhookDeliveryPageDto> ListDeliveries(
        Guid id, [FromQuery] int limit = GetWebhookDeliveriesQuery.DefaultLimit, [FromQuery] string? cursor = null, CancellationToken cancellationToken = default) =>
        mediator.Send(new GetWebhookDeliveriesQuery(id, limit, cursor), cancellationToken);

    /// <summary>Queues a delivery again, due now: the receiver gets the event again, with the same id.</summary>
    [HttpPost("{id}/deliveries/{deliveryId}/redeliver")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<IActionResult> Redeliver(Guid id, Guid deliveryId, CancellationToken cancellationToken)
    {
        await mediator.Send(new RedeliverWebhookDeliveryCommand(id, deliveryId), cancellationToken);
        return Accepted();
    }
}
