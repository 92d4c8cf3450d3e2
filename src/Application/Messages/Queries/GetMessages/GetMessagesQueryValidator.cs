using FluentValidation;
using Messaging.Application.Common.Addresses;

namespace Messaging.Application.Messages.Queries.GetMessages;

public sealed class GetMessagesQueryValidator : AbstractValidator<GetMessagesQuery>
{
    private static readonly string DirectionNames = NamesOf<MessageDirection>();
    private static readonly string StatusNames = NamesOf<MessageStatus>();

    public GetMessagesQueryValidator()
    {
        RuleFor(x => x.Contact)
            .MustBeWhatsAppAddress()
            .When(x => x.Contact is not null);

        RuleFor(x => x.Direction)
            .Must(direction => MessageEnumNames.TryParse<MessageDirection>(direction, out _))
            .When(x => x.Direction is not null)
            .WithMessage($"'Direction' must be one of: {DirectionNames}.");

        RuleFor(x => x.Status)
            .Must(status => MessageEnumNames.TryParse<MessageStatus>(status, out _))
            .When(x => x.Status is not null)
            .WithMessage($"'Status' must be one of: {StatusNames}.");

        RuleFor(x => x.Limit)
            .InclusiveBetween(1, GetMessagesQuery.MaxLimit);

        RuleFor(x => x.Cursor)
            .Must(cursor => MessageCursor.TryDecode(cursor, out _))
            .When(x => x.Cursor is not null)
            .WithMessage("'Cursor' is not a cursor this API issued; pass the 'nextCursor' of the previous page.");
    }

    private static string NamesOf<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetNames<TEnum>().Select(name => name.ToLowerInvariant()));
}
