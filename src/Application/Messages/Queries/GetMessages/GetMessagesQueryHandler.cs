using AutoMapper;
using Messaging.Application.Common.Addresses;

namespace Messaging.Application.Messages.Queries.GetMessages;

public sealed class GetMessagesQueryHandler(IMessageRepository repository, IMapper mapper) : IRequestHandler<GetMessagesQuery, MessagePageDto>
{
    public async Task<MessagePageDto> Handle(GetMessagesQuery request, CancellationToken cancellationToken)
    {
        var filter = new MessageFilter(
            request.Contact is null ? null : WhatsAppAddressParser.Parse(request.Contact).Value,
            ParseOptional<MessageDirection>(request.Direction),
            ParseOptional<MessageStatus>(request.Status));

        MessageCursor? after = null;
        if (request.Cursor is not null && !MessageCursor.TryDecode(request.Cursor, out after))
        {
            throw new FormatException("The cursor was not validated before the handler.");
        }

        var rows = await repository.List(filter, after, KeysetPaging.RowsToFetch(request.Limit), cancellationToken);
        var page = KeysetPaging.Cut(rows, request.Limit);
        return new MessagePageDto(mapper.Map<List<MessageDto>>(page.Items), page.NextCursor(m => MessageCursor.After(m).Encode()));
    }

    private static TEnum? ParseOptional<TEnum>(string? name)
        where TEnum : struct, Enum
    {
        if (name is null)
        {
            return null;
        }

        return MessageEnumNames.TryParse<TEnum>(name, out var value)
            ? value
            : throw new FormatException($"'{name}' is not a {typeof(TEnum).Name}; it was not validated before the handler.");
    }
}
