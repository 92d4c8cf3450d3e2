using MediatR;
using Messaging.Application.Common.Twilio;
using Messaging.Application.Messages.Recording;
using Messaging.Domain.Messages;

namespace Messaging.Application.Messages.Commands.UpdateMessageStatus;

public sealed class UpdateMessageStatusCommandHandler : IRequestHandler<UpdateMessageStatusCommand, Unit>
{
    private readonly MessageRecorder _recorder;
    private readonly TimeProvider _timeProvider;

    public UpdateMessageStatusCommandHandler(MessageRecorder recorder, TimeProvider timeProvider)
    {
        _recorder = recorder;
        _timeProvider = timeProvider;
    }

    public async Task<Unit> Handle(UpdateMessageStatusCommand request, CancellationToken cancellationToken)
    {
        var sid = request.MessageSid!;
        if (!TwilioMessageStatus.TryParse(request.MessageStatus, out var status)
            || !UpdateMessageStatusCommandValidator.TryParseErrorCode(request.ErrorCode, out var errorCode)
            || !UpdateMessageStatusCommandValidator.TryParseMessageId(request.MessageId, out var messageId))
        {
            throw new ArgumentException("The command was not validated.", nameof(request));
        }

        var errorMessage = string.IsNullOrWhiteSpace(request.ErrorMessage) ? null : request.ErrorMessage;
        var now = _timeProvider.GetUtcNow();
        await _recorder.RecordStatus(
            sid,
            messageId,
            m => m.ApplyStatus(status.Value, errorCode, errorMessage, now),
            PendingStatusUpdate.Create(sid, status.Value, errorCode, errorMessage, now, messageId),
            cancellationToken);
        return Unit.Value;
    }
}
