using AutoMapper;

namespace Messaging.Application.Messages.Queries.GetMessageById;

public sealed class GetMessageByIdQueryHandler(IMessageRepository repository, IMapper mapper) : IRequestHandler<GetMessageByIdQuery, MessageDto>
{
    public async Task<MessageDto> Handle(GetMessageByIdQuery request, CancellationToken cancellationToken)
    {
        var message = await repository.GetById(request.Id, cancellationToken)
            ?? throw NotFoundException.For("Message", request.Id);
        return mapper.Map<MessageDto>(message);
    }
}
