namespace Messaging.Application.Messages;

/// <summary>A message as the API shows it.</summary>
public sealed record MessageDto
{
    public Guid Id { get; init; }

    public string? WaSid { get; init; }

    public MessageDirection Direction { get; init; }

    public string From { get; init; } = string.Empty;

    public string To { get; init; } = string.Empty;

    public string? Body { get; init; }

    public IReadOnlyList<string> MediaUrls { get; init; } = [];

    /// <summary>The media with their content types where Twilio reported them (inbound messages).</summary>
    public IReadOnlyList<MessageMediaDto> Media { get; init; } = [];

    /// <summary>The customer's WhatsApp profile name (inbound messages).</summary>
    public string? ProfileName { get; init; }

    public string? ContentSid { get; init; }

    public MessageStatus Status { get; init; }

    public int? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
