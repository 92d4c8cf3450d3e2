namespace Messaging.Application.Common.Models;

/// <summary>What the gateway asks Twilio to send. Addresses are canonical <c>whatsapp:+E164</c>.</summary>
public sealed record TwilioSendRequest(
    string To,
    string? Body,
    IReadOnlyList<string> MediaUrls,
    string? ContentSid,
    string? ContentVariables);
