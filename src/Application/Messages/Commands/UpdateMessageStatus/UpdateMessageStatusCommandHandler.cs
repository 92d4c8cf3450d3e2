using Messaging.Application.Common.Twilio;
using Messaging.Application.Messages.Recording;

namespace Messaging.Application.Messages.Commands.UpdateMessageStatus;

public sealed class UpdateMessageStatusCommandHandler(MessageRecorder recorder, TimeProvider timeProvider) : IRequestHandler<UpdateMessageStatusCommand, Unit>
{
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
        var now = timeProvider.GetUtcNow();
        await recorder.RecordStatus(
            sid,
            messageId,
            m => m.ApplyStatus(status.Value, errorCode, errorMessage, now),
            PendingStatusUpdate.Create(sid, status.Value, errorCode, errorMessage, now, messageId),
            cancellationToken);
        return Unit.Value;
    }
}
