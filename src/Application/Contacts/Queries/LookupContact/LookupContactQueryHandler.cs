using MediatR;
using Messaging.Application.Common.Addresses;
using Messaging.Application.Common.Interfaces;
using Messaging.Domain.Conversations;
using Microsoft.Extensions.Options;

namespace Messaging.Application.Contacts.Queries.LookupContact;

public sealed class LookupContactQueryHandler : IRequestHandler<LookupContactQuery, ContactLookupDto>
{
    private readonly IConversationRepository _conversations;
    private readonly IOptions<PhoneNumberOptions> _options;
    private readonly TimeProvider _timeProvider;

    public LookupContactQueryHandler(IConversationRepository conversations, IOptions<PhoneNumberOptions> options, TimeProvider timeProvider)
    {
        _conversations = conversations;
        _options = options;
        _timeProvider = timeProvider;
    }

    public async Task<ContactLookupDto> Handle(LookupContactQuery request, CancellationToken cancellationToken)
    {
        if (!TypedNumberParser.TryParse(request.Number, _options.Value.DefaultRegion, out var address, out _))
        {
            throw new FormatException("The number was not validated before the handler.");
        }

        var lastInboundAt = await _conversations.GetLastInboundAt(address.Value, cancellationToken);
        return new ContactLookupDto
        {
            Number = address.E164,
            Address = address.Value,
            International = TypedNumberParser.FormatInternational(address),
            HasWritten = lastInboundAt is not null,
            WindowOpenUntil = CustomerServiceWindow.OpenUntil(lastInboundAt),
            WindowOpen = CustomerServiceWindow.IsOpen(lastInboundAt, _timeProvider.GetUtcNow()),
        };
    }
}
