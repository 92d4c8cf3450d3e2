using AutoMapper;
using Messaging.Application.Messages;
using Messaging.Domain.Conversations;

namespace Messaging.Application.Conversations.Queries.GetConversations;

public sealed class GetConversationsQueryHandler(IConversationRepository repository, IMapper mapper) : IRequestHandler<GetConversationsQuery, ConversationPageDto>
{
    public async Task<ConversationPageDto> Handle(GetConversationsQuery request, CancellationToken cancellationToken)
    {
        ConversationCursor? after = null;
        if (request.Cursor is not null && !ConversationCursor.TryDecode(request.Cursor, out after))
        {
            throw new FormatException("The cursor was not validated before the handler.");
        }

        var rows = await repository.List(after, KeysetPaging.RowsToFetch(request.Limit), cancellationToken);
        var page = KeysetPaging.Cut(rows, request.Limit);
        return new ConversationPageDto(page.Items.Select(ToDto).ToList(), page.NextCursor(c => ConversationCursor.After(c).Encode()));
    }

    private ConversationDto ToDto(ConversationSummary conversation) => new()
    {
        Contact = conversation.Contact,
        ProfileName = conversation.ProfileName,
        LastMessage = mapper.Map<MessageDto>(conversation.LastMessage),
        LastActivityAt = conversation.LastActivityAt,
        MessageCount = conversation.MessageCount,
        WindowOpenUntil = CustomerServiceWindow.OpenUntil(conversation.LastInboundAt),
    };
}
