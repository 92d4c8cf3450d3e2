namespace Messaging.TwilioEmulator;

/// <summary>A message the emulator accepted, as it would be stored at Twilio.</summary>
public sealed record EmulatedMessage
{
    /// <summary><c>SM</c> followed by 32 lowercase hex digits.</summary>
    public required string Sid { get; init; }

    public required string AccountSid { get; init; }

    /// <summary>The recipient exactly as posted, e.g. <c>whatsapp:+14155550123</c>.</summary>
    public required string To { get; init; }

    public required string From { get; init; }

    public string? Body { get; init; }

    public IReadOnlyList<string> MediaUrls { get; init; } = [];

    public string? ContentSid { get; init; }

    /// <summary>The template variables as the JSON text that was posted.</summary>
    public string? ContentVariables { get; init; }

    /// <summary>Where Twilio posts status changes of this message; kept for the callbacks that follow a send.</summary>
    public Uri? StatusCallback { get; init; }

    /// <summary>Twilio's status word, e.g. <c>queued</c>.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset DateCreated { get; init; }

    public required DateTimeOffset DateUpdated { get; init; }

    public DateTimeOffset? DateSent { get; init; }

    public int? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}
