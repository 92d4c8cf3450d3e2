using MediatR;
using Messaging.Application.Common.Exceptions;
using Messaging.Application.Common.Interfaces;
using Messaging.Application.Common.Models;

namespace Messaging.Application.Webhooks.Queries.GetWebhookDeliveries;

public sealed class GetWebhookDeliveriesQueryHandler : IRequestHandler<GetWebhookDeliveriesQuery, WebhookDeliveryPageDto>
{
    private readonly IWebhookSubscriptionRepository _repository;

    public GetWebhookDeliveriesQueryHandler(IWebhookSubscriptionRepository repository)
    {
        _repository = repository;
    }

    public async Task<WebhookDeliveryPageDto> Handle(GetWebhookDeliveriesQuery request, CancellationToken cancellationToken)
    {
        long? before = null;
        if (request.Cursor is not null)
        {
            before = WebhookDeliveryCursor.TryDecode(request.Cursor, out var position)
                ? position
                : throw new FormatException("The cursor was not validated before the handler.");
        }

        _ = await _repository.Find(request.SubscriptionId, cancellationToken)
            ?? throw NotFoundException.For("Webhook subscription", request.SubscriptionId);
        var rows = await _repository.ListDeliveries(request.SubscriptionId, before, KeysetPaging.RowsToFetch(request.Limit), cancellationToken);
        var page = KeysetPaging.Cut(rows, request.Limit);
        return new WebhookDeliveryPageDto(
            [.. page.Items.Select(WebhookDeliveryDto.From)],
            page.NextCursor(d => WebhookDeliveryCursor.After(d.EventPosition)));
    }
}
