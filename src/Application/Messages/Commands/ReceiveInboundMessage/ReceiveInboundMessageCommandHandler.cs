using AutoMapper;
using MediatR;
using Messaging.Application.Common.Addresses;
using Messaging.Application.Common.Interfaces;
using Messaging.Application.Messages.PendingStatuses;
using Messaging.Domain.Messages;

namespace Messaging.Application.Messages.Commands.ReceiveInboundMessage;

public sealed class ReceiveInboundMessageCommandHandler : IRequestHandler<ReceiveInboundMessageCommand, MessageDto>
{
    private readonly IMessageRepository _repository;
    private readonly IUnitOfWork _unitOfWork;
    private readonly PendingStatusReconciler _reconciler;
    private readonly TimeProvider _timeProvider;
    private readonly IMapper _mapper;
    private readonly IMessageEvents _events;

    public ReceiveInboundMessageCommandHandler(
        IMessageRepository repository,
        IUnitOfWork unitOfWork,
        PendingStatusReconciler reconciler,
        TimeProvider timeProvider,
        IMapper mapper,
        IMessageEvents events)
    {
        _repository = repository;
        _unitOfWork = unitOfWork;
        _reconciler = reconciler;
        _timeProvider = timeProvider;
        _mapper = mapper;
        _events = events;
    }

    public async Task<MessageDto> Handle(ReceiveInboundMessageCommand request, CancellationToken cancellationToken)
    {
        var sid = request.MessageSid!;
        var media = (request.Media ?? []).Select(m =>
            new MessageMedia(m.Url!, string.IsNullOrWhiteSpace(m.ContentType) ? null : m.ContentType.Trim()));
        var message = Message.Inbound(
            sid,
            WhatsAppAddressParser.Parse(request.From),
            WhatsAppAddressParser.Parse(request.To),
            string.IsNullOrEmpty(request.Body) ? null : request.Body,
            media,
            request.ProfileName,
            _timeProvider.GetUtcNow());

        // Twilio delivers a webhook again when it gets no answer in time; every delivery ends in this one row. Statuses
        // reported before the message existed are applied in the same unit of work, so one commit stores both.
        var result = await _unitOfWork.Run(
            async token =>
            {
                var stored = await _repository.AddIfAbsent(message, token);
                return stored.Inserted
                    ? await _reconciler.ApplyPending(sid, CancellationToken.None) ?? stored.Message
                    : stored.Message;
            },
            cancellationToken);

        var dto = _mapper.Map<MessageDto>(result);
        _events.Publish(dto);
        return dto;
    }
}
