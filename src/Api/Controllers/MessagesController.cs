using Messaging.Api.Authorization;
using Messaging.Api.Idempotency;
using Messaging.Api.RateLimiting;
using Messaging.Application.Messages;
using Messaging.Application.Messages.Commands.SendMessage;
using Messaging.Application.Messages.Queries.GetMessageById;
using Messaging.Application.Messages.Queries.GetMessages;
using Messaging.Domain.Messages;

namespace Messaging.Api.Controllers;

[Route("api/messages")]
public sealed class MessagesController(IMediator mediator) : ApiKeyControllerBase
{
    /// <summary>
    /// Sends a WhatsApp message and returns it as stored: 201 when Twilio took it, 202 with status <c>unknown</c> when
    /// Twilio's answer was lost (the message may be on its way; its status follows once Twilio names it). With an
    /// <c>Idempotency-Key</c> header, a retry returns the first outcome instead of sending again.
    /// </summary>
    [HttpPost]
    [Authorize(Policy = ApiPolicies.MessagesSend)]
    [Idempotent]
    [ServiceFilter<SendRateLimitFilter>(Order = SendRateLimitFilter.Order)]
    [ProducesResponseType<MessageDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<MessageDto>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status502BadGateway, "application/problem+json")]
    public async Task<ActionResult<MessageDto>> Send([FromBody] SendMessageCommand command, CancellationToken cancellationToken)
    {
        var message = await mediator.Send(command, cancellationToken);
        return message.Status == MessageStatus.Unknown
            ? AcceptedAtAction(nameof(GetById), new { id = message.Id }, message)
            : CreatedAtAction(nameof(GetById), new { id = message.Id }, message);
    }

    /// <summary>Lists messages, newest first, one page at a time.</summary>
    [HttpGet]
    [Authorize(Policy = ApiPolicies.MessagesRead)]
    [ProducesResponseType<MessagePageDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public Task<MessagePageDto> List([FromQuery] GetMessagesQuery query, CancellationToken cancellationToken) =>
        mediator.Send(query, cancellationToken);

    [HttpGet("{id}")]
    [Authorize(Policy = ApiPolicies.MessagesRead)]
    [ProducesResponseType<MessageDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<MessageDto> GetById(Guid id, CancellationToken cancellationToken) =>
        mediator.Send(new GetMessageByIdQuery(id), cancellationToken);
}
