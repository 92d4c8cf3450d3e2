namespace Messaging.Domain.Conversations;

/// <summary>
/// WhatsApp's customer-service window: a business may send free-form messages to a contact only within 24 hours of
/// that contact's last message to it; outside the window only an approved template is delivered (Twilio error 63016).
/// </summary>
public static class CustomerServiceWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    /// <summary>When the window closes, or null when the contact has never written.</summary>
    public static DateTimeOffset? OpenUntil(DateTimeOffset? lastInboundAt) => lastInboundAt + Length;

    /// <summary>
    /// Whether free-form content may be sent at <paramref name="now"/>. The window is half-open: at exactly 24 hours
    /// after the last inbound message it is already closed, so a send decided at the boundary never reaches Twilio
    /// a moment too late and fails there.
    /// </summary>
    public static bool IsOpen(DateTimeOffset? lastInboundAt, DateTimeOffset now) =>
        lastInboundAt is { } last && now < last + Length;
}
