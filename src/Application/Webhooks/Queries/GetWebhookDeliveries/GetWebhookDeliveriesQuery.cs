namespace Messaging.Application.Webhooks.Queries.GetWebhookDeliveries;

/// <summary>
/// One page of a subscription's deliveries, newest event first. <paramref name="Cursor"/> is the
/// <see cref="WebhookDeliveryPageDto.NextCursor"/> of the previous page.
/// </summary>
public sealed record GetWebhookDeliveriesQuery(
    Guid SubscriptionId,
    int Limit = GetWebhookDeliveriesQuery.DefaultLimit,
    string? Cursor = null) : IRequest<WebhookDeliveryPageDto>, IPageRequest
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;
}
