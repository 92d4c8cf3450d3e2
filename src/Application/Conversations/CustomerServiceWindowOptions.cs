namespace Messaging.Application.Conversations;

/// <summary>How sends treat WhatsApp's 24-hour customer-service window (section <c>Messaging</c>).</summary>
public sealed class CustomerServiceWindowOptions
{
    public const string SectionName = "Messaging";

    /// <summary>
    /// Refuse free-form sends outside the window before they reach Twilio (default). Turn off to let Twilio decide,
    /// for example when another system also writes to the same WhatsApp sender and this service does not see every
    /// inbound message.
    /// </summary>
    public bool EnforceCustomerServiceWindow { get; set; } = true;
}
