using Messaging.Application.Common.Addresses;
using Messaging.Application.Messages.Recording;

namespace Messaging.Application.Messages.Commands.ReceiveInboundMessage;

public sealed class ReceiveInboundMessageCommandHandler(MessageRecorder recorder, TimeProvider timeProvider) : IRequestHandler<ReceiveInboundMessageCommand, MessageDto>
{
    public Task<MessageDto> Handle(ReceiveInboundMessageCommand request, CancellationToken cancellationToken)
    {
        var media = (request.Media ?? []).Select(m =>
            new MessageMedia(m.Url!, string.IsNullOrWhiteSpace(m.ContentType) ? null : m.ContentType.Trim()));
        var message = Message.Inbound(
            request.MessageSid!,
            WhatsAppAddressParser.Parse(request.From),
            WhatsAppAddressParser.Parse(request.To),
            string.IsNullOrEmpty(request.Body) ? null : request.Body,
            media,
            request.ProfileName,
            timeProvider.GetUtcNow());

        // Twilio delivers a webhook again when it gets no answer in time, or an error; every delivery ends in this one
        // row, so a failure here is answered as one and the next delivery records the message and its statuses.
        return recorder.Record(message, PendingStatusFailure.FailRecording, cancellationToken);
    }
}
