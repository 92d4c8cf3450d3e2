using Messaging.Api.Authorization;
using Messaging.Application.Conversations.Queries.GetConversations;

namespace Messaging.Api.Controllers;

[Route("api/conversations")]
public sealed class ConversationsController(IMediator mediator) : ApiKeyControllerBase
{
    /// <summary>
    /// Lists conversations, one per contact, most recent activity first, one page at a time. A conversation's messages
    /// are <c>GET /api/messages?contact=...</c>.
    /// </summary>
    [Authorize(Policy = ApiPolicies.MessagesRead)]
    [HttpGet]
    [ProducesResponseType<ConversationPageDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public Task<ConversationPageDto> List([FromQuery] GetConversationsQuery query, CancellationToken cancellationToken) =>
        mediator.Send(query, cancellationToken);
}
