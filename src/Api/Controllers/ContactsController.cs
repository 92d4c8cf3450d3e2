using Messaging.Api.Authorization;
using Messaging.Application.Contacts.Queries.LookupContact;

namespace Messaging.Api.Controllers;

[Route("api/contacts")]
public sealed class ContactsController(IMediator mediator) : ApiKeyControllerBase
{
    /// <summary>
    /// Reads a typed phone number with the default region's rules (<c>Messaging:DefaultRegion</c>) and answers the
    /// canonical number, whether the customer ever wrote, and the end of the 24-hour window. Nothing is stored.
    /// </summary>
    [HttpGet("lookup")]
    [Authorize(Policy = ApiPolicies.MessagesRead)]
    [ProducesResponseType<ContactLookupDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public Task<ContactLookupDto> Lookup([FromQuery] LookupContactQuery query, CancellationToken cancellationToken) =>
        mediator.Send(query, cancellationToken);
}
