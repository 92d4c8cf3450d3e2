using Messaging.Api.Webhooks;
using Messaging.Infrastructure.Twilio;

namespace Messaging.Api.Controllers;

/// <summary>Twilio's webhooks: messages customers send, and status changes of messages sent from here.</summary>
[ApiController]
// Twilio cannot send an API key; the signature filter is what keeps everyone else out.
[AllowAnonymous]
[ValidateTwilioSignature]
[Consumes("application/x-www-form-urlencoded")]
public sealed class TwilioWebhooksController(IMediator mediator) : ControllerBase
{
    // Twilio reads the answer to an inbound message as instructions; an empty one means "no automatic reply".
    private const string EmptyTwiml = "<Response></Response>";

    /// <summary>A message a customer sent; stored once however often Twilio delivers it.</summary>
    [HttpPost(TwilioWebhookPaths.Inbound)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/xml")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public async Task<ContentResult> Inbound([FromForm] IFormCollection form, CancellationToken cancellationToken)
    {
        await mediator.Send(TwilioWebhookForm.ToInboundCommand(form), cancellationToken);
        return Content(EmptyTwiml, "text/xml");
    }

    /// <summary>A status change of a message sent from here; statuses only ever move a message forward.</summary>
    [HttpPost(TwilioWebhookPaths.Status)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public async Task<NoContentResult> Status([FromForm] IFormCollection form, CancellationToken cancellationToken)
    {
        await mediator.Send(TwilioWebhookForm.ToStatusCommand(form, Request.Query), cancellationToken);
        return NoContent();
    }
}
