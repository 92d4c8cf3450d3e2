using AutoMapper;
using MediatR;
using Messaging.Application.Common.Exceptions;
using Messaging.Application.Common.Interfaces;

namespace Messaging.Application.Messages.Queries.GetMessageById;

public sealed class GetMessageByIdQueryHandler : IRequestHandler<GetMessageByIdQuery, MessageDto>
{
    private readonly IMessageRepository _repository;
    private readonly IMapper _mapper;

    public GetMessageByIdQueryHandler(IMessageRepository repository, IMapper mapper)
    {
        _repository = repository;
        _mapper = mapper;
    }

    public async Task<MessageDto> Handle(GetMessageByIdQuery request, CancellationToken cancellationToken)
    {
        var message = await _repository.GetById(request.Id, cancellationToken)
            ?? throw NotFoundException.For("Message", request.Id);
        return _mapper.Map<MessageDto>(message);
    }
}
