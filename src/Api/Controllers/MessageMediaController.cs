using Messaging.Api.Authorization;
using Messaging.Application.Messages.Queries.GetMessageMedia;

namespace Messaging.Api.Controllers;

/// <summary>Relays the media of stored messages from Twilio, which needs the account's credentials the dashboard must not have.</summary>
[Route("api/messages/{id}/media")]
public sealed class MessageMediaController(IMediator mediator) : ApiKeyControllerBase
{
    /// <summary>Streams medium <paramref name="index"/> (0-based) of message <paramref name="id"/> with its content type.</summary>
    [Authorize(Policy = ApiPolicies.MessagesRead)]
    [HttpGet("{index:int:min(0)}")]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, "application/octet-stream")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status502BadGateway, "application/problem+json")]
    public async Task<IActionResult> Get(Guid id, int index, CancellationToken cancellationToken)
    {
        var media = await mediator.Send(new GetMessageMediaQuery(id, index), cancellationToken);

        // Customers choose these files: a browser must neither guess another type nor run anything in them on our origin.
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        Response.Headers.CacheControl = "private, no-store";
        if (media.Length is { } length)
        {
            Response.ContentLength = length;
        }

        return File(media.Content, media.ContentType ?? GetMessageMediaQueryHandler.UnknownContentType);
    }
}
