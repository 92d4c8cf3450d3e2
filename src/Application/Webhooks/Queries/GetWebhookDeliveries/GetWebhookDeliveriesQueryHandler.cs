using AutoMapper;

namespace Messaging.Application.Webhooks.Queries.GetWebhookDeliveries;

public sealed class GetWebhookDeliveriesQueryHandler(IWebhookSubscriptionRepository repository, IMapper mapper) : IRequestHandler<GetWebhookDeliveriesQuery, WebhookDeliveryPageDto>
{
    public async Task<WebhookDeliveryPageDto> Handle(GetWebhookDeliveriesQuery request, CancellationToken cancellationToken)
    {
        long? before = null;
        if (request.Cursor is not null)
        {
            before = WebhookDeliveryCursor.TryDecode(request.Cursor, out var position)
                ? position
                : throw new FormatException("The cursor was not validated before the handler.");
        }

        _ = await repository.Find(request.SubscriptionId, cancellationToken)
            ?? throw NotFoundException.For("Webhook subscription", request.SubscriptionId);
        var rows = await repository.ListDeliveries(request.SubscriptionId, before, KeysetPaging.RowsToFetch(request.Limit), cancellationToken);
        var page = KeysetPaging.Cut(rows, request.Limit);
        return new WebhookDeliveryPageDto(
            mapper.Map<IReadOnlyList<WebhookDeliveryDto>>(page.Items),
            page.NextCursor(d => WebhookDeliveryCursor.After(d.EventPosition)));
    }
}
