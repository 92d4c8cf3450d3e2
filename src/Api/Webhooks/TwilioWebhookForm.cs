using System.Globalization;
using FluentValidation.Results;
using Messaging.Application.Common.Exceptions;
using Messaging.Application.Messages.Commands.ReceiveInboundMessage;
using Messaging.Application.Messages.Commands.UpdateMessageStatus;
using Messaging.Infrastructure.Twilio;

namespace Messaging.Api.Webhooks;

/// <summary>Reads the commands from the fields Twilio posts. Rules on the values live in the commands' validators.</summary>
internal static class TwilioWebhookForm
{
    public static ReceiveInboundMessageCommand ToInboundCommand(IFormCollection form) => new(
        Field(form, "MessageSid"),
        Field(form, "From"),
        Field(form, "To"),
        Field(form, "Body"),
        Media(form),
        Field(form, "ProfileName"));

    /// <summary>The message's own id travels in the callback URL's query (see <see cref="TwilioWebhookPaths.MessageIdParameter"/>).</summary>
    public static UpdateMessageStatusCommand ToStatusCommand(IFormCollection form, IQueryCollection query) => new(
        Field(form, "MessageSid"),
        Field(form, "MessageStatus"),
        Field(form, "ErrorCode"),
        Field(form, "ErrorMessage"),
        query.TryGetValue(TwilioWebhookPaths.MessageIdParameter, out var id) ? id.ToString() : null);

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) ? value.ToString() : null;

    // Twilio numbers the media of a message MediaUrl0, MediaUrl1, ... and says how many there are in NumMedia.
    private static List<InboundMedia> Media(IFormCollection form)
    {
        var numMedia = Field(form, "NumMedia");
        if (string.IsNullOrWhiteSpace(numMedia))
        {
            return [];
        }

        if (!int.TryParse(numMedia, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count > ReceiveInboundMessageCommandValidator.MaxMedia)
        {
            throw new ValidationException(
            [
                new ValidationFailure(
                    "NumMedia",
                    $"'NumMedia' must be a whole number from 0 to {ReceiveInboundMessageCommandValidator.MaxMedia}."),
            ]);
        }

        return [.. Enumerable.Range(0, count).Select(i =>
            new InboundMedia(Field(form, $"MediaUrl{i}"), Field(form, $"MediaContentType{i}")))];
    }
}
