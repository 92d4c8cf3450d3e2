namespace Messaging.Application.Common.Models;

/// <summary>
/// What the gateway asks Twilio to send. Addresses are canonical <c>whatsapp:+E164</c>. <paramref name="MessageId"/> is
/// the id the message is stored under, carried in its status callback URL.
/// </summary>
public sealed record TwilioSendRequest(
    Guid MessageId,
    string To,
    string? Body,
    IReadOnlyList<string> MediaUrls,
    string? ContentSid,
    string? ContentVariables);
