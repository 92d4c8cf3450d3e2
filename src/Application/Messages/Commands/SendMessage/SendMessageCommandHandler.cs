using System.Text.Json;
using Messaging.Application.Common.Addresses;
using Messaging.Application.Conversations;
using Messaging.Application.Messages.Recording;
using Messaging.Application.Templates;

namespace Messaging.Application.Messages.Commands.SendMessage;

public sealed class SendMessageCommandHandler(
    ITwilioGateway gateway,
    CustomerServiceWindowGuard window,
    TemplateSendGuard templates,
    MessageRecorder recorder,
    TimeProvider timeProvider) : IRequestHandler<SendMessageCommand, MessageDto>
{
    public async Task<MessageDto> Handle(SendMessageCommand request, CancellationToken cancellationToken)
    {
        var to = WhatsAppAddressParser.Parse(request.To);
        var from = WhatsAppAddressParser.Parse(gateway.SenderAddress);
        var body = string.IsNullOrWhiteSpace(request.Body) ? null : request.Body;
        var mediaUrls = request.MediaUrls ?? [];
        var contentVariables = request.ContentVariables is { Count: > 0 } variables
            ? JsonSerializer.Serialize(variables)
            : null;

        // Twilio gets the template and its variables, not a body; the text the customer receives is stored as the
        // body, so a template message reads like any other.
        var storedBody = body;
        if (request.ContentSid is null)
        {
            await window.EnsureOpen(to, cancellationToken);
        }
        else
        {
            storedBody = await templates.RenderAsync(request.ContentSid, request.ContentVariables, cancellationToken);
        }

        // The id is chosen before the call so Twilio can carry it in the status callback URL: even when its answer is
        // lost, its callbacks find the message stored under it.
        var sentAt = timeProvider.GetUtcNow();
        var id = Message.ReserveId(sentAt);
        // A caller that goes away once the create is under way must not abort it: Twilio may already have created
        // the message, and an aborted call leaves no row for it. The create is bounded by the gateway's own timeout.
        cancellationToken.ThrowIfCancellationRequested();
        TwilioSendResult sent;
        try
        {
            sent = await gateway.SendAsync(
                new TwilioSendRequest(id, to.Value, body, mediaUrls, request.ContentSid, contentVariables),
                CancellationToken.None);
        }
        catch (TwilioRejectedException rejection)
        {
            var rejected = Message.Rejected(
                from, to, storedBody, mediaUrls, request.ContentSid, rejection.TwilioCode, rejection.Message, timeProvider.GetUtcNow(), id);

            // Twilio has answered, so the outcome is recorded even if the caller has gone away meanwhile.
            var stored = await recorder.Record(rejected, PendingStatusFailure.KeepMessage, CancellationToken.None);
            throw new MessageRejectedException(stored.Id, rejection.TwilioCode, rejection.Message, rejection.MoreInfo);
        }
        catch (TwilioOutcomeUnknownException)
        {
            // The message may be on its way to the customer: it is kept, without a SID, for Twilio's callback or the
            // reconciler to name, and the caller is told so instead of being invited to send it again. It is stamped
            // with the time the request went out, which the reconciler's look-up at Twilio starts from.
            var unknown = Message.OutcomeUnknown(id, from, to, storedBody, mediaUrls, request.ContentSid, sentAt);
            return await recorder.Record(unknown, PendingStatusFailure.KeepMessage, CancellationToken.None);
        }

        // The message exists at Twilio now: dropping the row because the caller canceled would leave its status
        // callbacks without a message to update, and failing the request would invite a retry that sends it twice.
        var message = Message.Outbound(
            sent.Sid, from, to, storedBody, mediaUrls, request.ContentSid, sent.Status, timeProvider.GetUtcNow(), id);
        return await recorder.Record(message, PendingStatusFailure.KeepMessage, CancellationToken.None);
    }
}
