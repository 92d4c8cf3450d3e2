using AutoMapper;
using Messaging.Application.Common.Queries;

namespace Messaging.Application.Messages.Queries.GetMessageById;

public sealed class GetMessageByIdQueryHandler(IMessageRepository repository, IMapper mapper)
    : GetByIdQueryHandler<GetMessageByIdQuery, Message, MessageDto>("Message", repository.GetById, mapper);
