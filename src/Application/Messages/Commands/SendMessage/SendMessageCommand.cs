namespace Messaging.Application.Messages.Commands.SendMessage;

/// <summary>
/// Sends a WhatsApp message: free-form content (<paramref name="Body"/> and/or one media URL) or an approved
/// template (<paramref name="ContentSid"/>, with optional <paramref name="ContentVariables"/>), never both.
/// </summary>
public sealed record SendMessageCommand(
    string To,
    string? Body = null,
    IReadOnlyList<string>? MediaUrls = null,
    string? ContentSid = null,
    IReadOnlyDictionary<string, string>? ContentVariables = null) : IRequest<MessageDto>;
