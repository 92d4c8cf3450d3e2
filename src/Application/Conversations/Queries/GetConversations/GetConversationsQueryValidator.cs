using FluentValidation;

namespace Messaging.Application.Conversations.Queries.GetConversations;

public sealed class GetConversationsQueryValidator : AbstractValidator<GetConversationsQuery>
{
    public GetConversationsQueryValidator()
    {
        Include(new PageRequestValidator<GetConversationsQuery>(GetConversationsQuery.MaxLimit, cursor => ConversationCursor.TryDecode(cursor, out _)));
    }
}
