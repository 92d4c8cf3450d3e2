using Messaging.Api.Authorization;
using Messaging.Application.Templates.Queries.GetTemplates;

namespace Messaging.Api.Controllers;

[ApiController]
[Route("api/templates")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
public sealed class TemplatesController(IMediator mediator) : ControllerBase
{
    /// <summary>
    /// Lists the account's content templates from Twilio's Content API, with their WhatsApp approval as Twilio reports
    /// it, one page at a time. The catalogue is kept for <c>Templates:CacheSeconds</c>; <c>refresh=true</c> reads it again.
    /// </summary>
    [HttpGet]
    [Authorize(Policy = ApiPolicies.MessagesRead)]
    [ProducesResponseType<TemplatePageDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status502BadGateway, "application/problem+json")]
    public Task<TemplatePageDto> List([FromQuery] GetTemplatesQuery query, CancellationToken cancellationToken) =>
        mediator.Send(query, cancellationToken);
}
