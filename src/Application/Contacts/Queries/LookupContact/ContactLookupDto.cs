namespace Messaging.Application.Contacts.Queries.LookupContact;

/// <summary>A typed number, normalised, and what the service knows of the customer behind it.</summary>
public sealed record ContactLookupDto
{
    /// <summary>The number in E.164 form, e.g. <c>+14155550123</c>: what a send's <c>to</c> takes.</summary>
    public string Number { get; init; } = string.Empty;

    /// <summary>The canonical WhatsApp address, e.g. <c>whatsapp:+14155550123</c>: a conversation's <c>contact</c>.</summary>
    public string Address { get; init; } = string.Empty;

    /// <summary>The number as people write it internationally, e.g. <c>+1 415-555-0123</c>.</summary>
    public string International { get; init; } = string.Empty;

    /// <summary>Whether the customer ever wrote to us; without it, only an approved template can be sent.</summary>
    public bool HasWritten { get; init; }

    /// <summary>End of the 24-hour customer-service window; null when the customer never wrote.</summary>
    public DateTimeOffset? WindowOpenUntil { get; init; }

    /// <summary>Whether free-form messages can be sent now.</summary>
    public bool WindowOpen { get; init; }
}
