using FluentValidation;

namespace Messaging.Application.Webhooks.Queries.GetWebhookDeliveries;

public sealed class GetWebhookDeliveriesQueryValidator : AbstractValidator<GetWebhookDeliveriesQuery>
{
    public GetWebhookDeliveriesQueryValidator()
    {
        Include(new PageRequestValidator<GetWebhookDeliveriesQuery>(GetWebhookDeliveriesQuery.MaxLimit, cursor => WebhookDeliveryCursor.TryDecode(cursor, out _)));
    }
}
