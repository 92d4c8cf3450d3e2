using FluentValidation;

namespace Messaging.Application.Webhooks.Queries.GetWebhookDeliveries;

public sealed class GetWebhookDeliveriesQueryValidator : AbstractValidator<GetWebhookDeliveriesQuery>
{
    public GetWebhookDeliveriesQueryValidator()
    {
        RuleFor(x => x.Limit)
            .InclusiveBetween(1, GetWebhookDeliveriesQuery.MaxLimit);

        RuleFor(x => x.Cursor)
            .Must(cursor => WebhookDeliveryCursor.TryDecode(cursor, out _))
            .When(x => x.Cursor is not null)
            .WithMessage("'Cursor' is not a cursor this API issued; pass the 'nextCursor' of the previous page.");
    }
}
