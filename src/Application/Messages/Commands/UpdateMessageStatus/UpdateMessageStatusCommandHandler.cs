using AutoMapper;
using MediatR;
using Messaging.Application.Common.Interfaces;
using Messaging.Application.Common.Twilio;
using Messaging.Application.Messages.PendingStatuses;
using Messaging.Domain.Messages;

namespace Messaging.Application.Messages.Commands.UpdateMessageStatus;

public sealed class UpdateMessageStatusCommandHandler : IRequestHandler<UpdateMessageStatusCommand, Unit>
{
    private readonly IMessageRepository _messages;
    private readonly IPendingStatusUpdateRepository _pending;
    private readonly IUnitOfWork _unitOfWork;
    private readonly PendingStatusReconciler _reconciler;
    private readonly TimeProvider _timeProvider;
    private readonly IMapper _mapper;
    private readonly IMessageEvents _events;

    public UpdateMessageStatusCommandHandler(
        IMessageRepository messages,
        IPendingStatusUpdateRepository pending,
        IUnitOfWork unitOfWork,
        PendingStatusReconciler reconciler,
        TimeProvider timeProvider,
        IMapper mapper,
        IMessageEvents events)
    {
        _messages = messages;
        _pending = pending;
        _unitOfWork = unitOfWork;
        _reconciler = reconciler;
        _timeProvider = timeProvider;
        _mapper = mapper;
        _events = events;
    }

    public async Task<Unit> Handle(UpdateMessageStatusCommand request, CancellationToken cancellationToken)
    {
        var sid = request.MessageSid!;
        if (!TwilioMessageStatus.TryParse(request.MessageStatus, out var status)
            || !UpdateMessageStatusCommandValidator.TryParseErrorCode(request.ErrorCode, out var errorCode))
        {
            throw new ArgumentException("The command was not validated.", nameof(request));
        }

        var errorMessage = string.IsNullOrWhiteSpace(request.ErrorMessage) ? null : request.ErrorMessage;
        var now = _timeProvider.GetUtcNow();

        // One unit of work: the update, or the pending status and the look-up that follows it, commit together.
        var current = await _unitOfWork.Run(
            async token =>
            {
                var message = await _messages.Update(
                    sid, m => m.ApplyStatus(status.Value, errorCode, errorMessage, now), token);
                if (message is not null)
                {
                    // Statuses can only be left pending if a save could not apply them (it logs why); the message's
                    // next callback picks them up.
                    return await _reconciler.ApplyPending(sid, CancellationToken.None) ?? message;
                }

                // Twilio can call back before the send that created the message has saved it. The status is kept first
                // and the message looked for again afterwards; the save does the same in the other order, so one of
                // the two applies it. From here on the work is finished even if Twilio hangs up: a half-done
                // hand-over could drop the status.
                await _pending.Add(PendingStatusUpdate.Create(sid, status.Value, errorCode, errorMessage, now), CancellationToken.None);
                return await _reconciler.ApplyPending(sid, CancellationToken.None);
            },
            cancellationToken);
        if (current is not null)
        {
            _events.Publish(_mapper.Map<MessageDto>(current));
        }

        return Unit.Value;
    }
}
