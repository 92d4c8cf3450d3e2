using FluentValidation;

namespace Messaging.Application.Conversations.Queries.GetConversations;

public sealed class GetConversationsQueryValidator : AbstractValidator<GetConversationsQuery>
{
    public GetConversationsQueryValidator()
    {
        RuleFor(x => x.Limit)
            .InclusiveBetween(1, GetConversationsQuery.MaxLimit);

        RuleFor(x => x.Cursor)
            .Must(cursor => ConversationCursor.TryDecode(cursor, out _))
            .When(x => x.Cursor is not null)
            .WithMessage("'Cursor' is not a cursor this API issued; pass the 'nextCursor' of the previous page.");
    }
}
