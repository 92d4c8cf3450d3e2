namespace Messaging.TwilioEmulator;

/// <summary>A button of a <c>twilio/quick-reply</c> or <c>twilio/call-to-action</c> template, as the Content API writes it.</summary>
public sealed record ContentAction
{
    /// <summary><c>QUICK_REPLY</c>, <c>URL</c> or <c>PHONE_NUMBER</c>.</summary>
    public required string Type { get; init; }

    public required string Title { get; init; }

    /// <summary>The payload a quick reply sends back.</summary>
    public string? Id { get; init; }

    public string? Url { get; init; }

    public string? Phone { get; init; }

    public static ContentAction QuickReply(string title, string id) => new() { Type = "QUICK_REPLY", Title = title, Id = id };

    public static ContentAction OpenUrl(string title, string url) => new() { Type = "URL", Title = title, Url = url };

    public static ContentAction Call(string title, string phone) => new() { Type = "PHONE_NUMBER", Title = title, Phone = phone };
}
