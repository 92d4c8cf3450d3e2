namespace Messaging.Application.Common.Exceptions;

/// <summary>
/// Free-form content was sent to a contact outside WhatsApp's 24-hour customer-service window; only an approved
/// template can reach them. Nothing was sent or stored.
/// </summary>
public sealed class CustomerServiceWindowClosedException : Exception
{
    public CustomerServiceWindowClosedException()
    {
    }

    public CustomerServiceWindowClosedException(string message)
        : base(message)
    {
    }

    public CustomerServiceWindowClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CustomerServiceWindowClosedException(string contact, DateTimeOffset? windowOpenUntil)
        : base(windowOpenUntil is null
            ? $"{contact} has never written to us, so free-form messages cannot reach them; send an approved template (contentSid) instead."
            : $"{contact} last wrote more than 24 hours ago (the window closed at {windowOpenUntil:O}); send an approved template (contentSid) instead.")
    {
        Contact = contact;
        WindowOpenUntil = windowOpenUntil;
    }

    public string? Contact { get; }

    /// <summary>When the window closed; null when the contact has never written.</summary>
    public DateTimeOffset? WindowOpenUntil { get; }
}
