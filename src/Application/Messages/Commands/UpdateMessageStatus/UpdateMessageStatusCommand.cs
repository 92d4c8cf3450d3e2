namespace Messaging.Application.Messages.Commands.UpdateMessageStatus;

/// <summary>
/// A status callback from Twilio, with its fields as Twilio posted them: <paramref name="MessageStatus"/> is Twilio's
/// word (<c>sent</c>, <c>delivered</c>, ...) and <paramref name="ErrorCode"/> its number as text.
/// <paramref name="MessageId"/> is the message's own id from the callback URL's query, as text.
/// </summary>
public sealed record UpdateMessageStatusCommand(
    string? MessageSid,
    string? MessageStatus,
    string? ErrorCode = null,
    string? ErrorMessage = null,
    string? MessageId = null) : IRequest<Unit>;
