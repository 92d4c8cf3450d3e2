using Messaging.Api.Authorization;
using Messaging.Application.Templates.Queries.GetTemplates;

namespace Messaging.Api.Controllers;

[Route("api/templates")]
public sealed class TemplatesController(IMediator mediator) : ApiKeyControllerBase
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
