using Messaging.Application.Common.Addresses;
using Messaging.Domain.Conversations;

namespace Messaging.Application.Contacts.Queries.LookupContact;

public sealed class LookupContactQueryHandler(IConversationRepository conversations, IOptions<PhoneNumberOptions> options, TimeProvider timeProvider) : IRequestHandler<LookupContactQuery, ContactLookupDto>
{
    public async Task<ContactLookupDto> Handle(LookupContactQuery request, CancellationToken cancellationToken)
    {
        if (!TypedNumberParser.TryParse(request.Number, options.Value.DefaultRegion, out var address, out _))
        {
            throw new FormatException("The number was not validated before the handler.");
        }

        var lastInboundAt = await conversations.GetLastInboundAt(address.Value, cancellationToken);
        return new ContactLookupDto
        {
            Number = address.E164,
            Address = address.Value,
            International = TypedNumberParser.FormatInternational(address),
            HasWritten = lastInboundAt is not null,
            WindowOpenUntil = CustomerServiceWindow.OpenUntil(lastInboundAt),
            WindowOpen = CustomerServiceWindow.IsOpen(lastInboundAt, timeProvider.GetUtcNow()),
        };
    }
}
