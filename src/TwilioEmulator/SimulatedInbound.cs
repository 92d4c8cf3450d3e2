namespace Messaging.TwilioEmulator;

/// <summary>A customer's message the emulator made up and posted to the inbound webhook.</summary>
public sealed record SimulatedInbound
{
    /// <summary><c>SM</c> (text) or <c>MM</c> (with media) followed by 32 hex digits.</summary>
    public required string MessageSid { get; init; }

    /// <summary>The customer, <c>whatsapp:+E164</c>.</summary>
    public required string From { get; init; }

    /// <summary>The emulator's sender the customer wrote to.</summary>
    public required string To { get; init; }

    public string? Body { get; init; }

    /// <summary>Where Twilio's API serves the medium (credentials needed), when one was sent.</summary>
    public Uri? MediaUrl { get; init; }

    public string? MediaContentType { get; init; }

    /// <summary>The webhook as it was posted and answered.</summary>
    public required DeliveredCallback Webhook { get; init; }
}
