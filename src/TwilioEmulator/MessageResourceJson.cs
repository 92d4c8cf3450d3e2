namespace Messaging.TwilioEmulator;

/// <summary>
/// The Message resource as Twilio's 2010-04-01 API writes it. Property names become snake_case on the wire;
/// counts are strings and absent values are written as null, as Twilio does.
/// </summary>
internal sealed record MessageResourceJson
{
    public required string AccountSid { get; init; }

    public required string ApiVersion { get; init; }

    public required string Body { get; init; }

    public required string DateCreated { get; init; }

    public string? DateSent { get; init; }

    public required string DateUpdated { get; init; }

    public required string Direction { get; init; }

    public int? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public required string From { get; init; }

    public string? MessagingServiceSid { get; init; }

    public required string NumMedia { get; init; }

    public required string NumSegments { get; init; }

    public string? Price { get; init; }

    public required string PriceUnit { get; init; }

    public required string Sid { get; init; }

    public required string Status { get; init; }

    public required IReadOnlyDictionary<string, string> SubresourceUris { get; init; }

    public required string To { get; init; }

    public required string Uri { get; init; }
}
