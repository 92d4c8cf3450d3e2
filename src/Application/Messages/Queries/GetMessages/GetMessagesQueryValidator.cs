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

        Include(new PageRequestValidator<GetMessagesQuery>(GetMessagesQuery.MaxLimit, cursor => MessageCursor.TryDecode(cursor, out _)));
    }

    private static string NamesOf<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetNames<TEnum>().Select(name => name.ToLowerInvariant()));
}
