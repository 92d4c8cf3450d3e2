namespace Messaging.Application.Contacts.Queries.LookupContact;

/// <summary>
/// Reads a phone number as a person typed it (national format in the default region, or international) and says who
/// it is to us: the canonical number, whether the customer ever wrote, and until when free-form messages can be sent.
/// </summary>
public sealed record LookupContactQuery(string? Number = null) : IRequest<ContactLookupDto>;
