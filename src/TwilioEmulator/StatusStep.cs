namespace Messaging.TwilioEmulator;

/// <summary>One status a sent message reaches, as its callback reports it.</summary>
internal sealed record StatusStep(string Status, int? ErrorCode = null, string? ErrorMessage = null, string? EventType = null)
{
    public static readonly StatusStep Sent = new("sent");

    public static readonly StatusStep Delivered = new("delivered", EventType: "DELIVERED");

    public static readonly StatusStep Read = new("read", EventType: "READ");

    public static StatusStep Failed(int errorCode, string errorMessage) => new("failed", errorCode, errorMessage);

    public static StatusStep Undelivered(int errorCode, string errorMessage) => new("undelivered", errorCode, errorMessage);
}
