using Messaging.Application.Common.Diagnostics;
using Messaging.Application.Messages;
using Messaging.Application.Messages.Commands.SendMessage;

namespace Messaging.Application.Common.Behaviours;

/// <summary>Counts every send by its outcome, whichever way the handler ends, as <see cref="FailureClassifier"/> sorts failures.</summary>
public sealed class SendOutcomeBehaviour(MessagingTelemetry telemetry) : IPipelineBehavior<SendMessageCommand, MessageDto>
{
    public async Task<MessageDto> Handle(SendMessageCommand request, CancellationToken cancellationToken, RequestHandlerDelegate<MessageDto> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            var sent = await next();
            telemetry.SendCompleted(sent.Status == MessageStatus.Unknown ? MessagingTelemetry.SendUnknown : MessagingTelemetry.SendSent);
            return sent;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            telemetry.SendCompleted(MessagingTelemetry.SendCanceled);
            throw;
        }
        catch (Exception ex)
        {
            telemetry.SendCompleted(FailureClassifier.Classify(ex) switch
            {
                FailureKind.CallerError => MessagingTelemetry.SendRefused,
                FailureKind.RefusedByTwilio => MessagingTelemetry.SendRejected,
                FailureKind.Outage => MessagingTelemetry.SendTwilioUnavailable,
                _ => MessagingTelemetry.SendFailed,
            });
            throw;
        }
    }
}
