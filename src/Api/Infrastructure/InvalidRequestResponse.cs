using Microsoft.AspNetCore.Mvc;

namespace Messaging.Api.Infrastructure;

/// <summary>
/// Requests that cannot even be bound (malformed JSON, a number that is not a number, an id that is not a GUID) get the
/// same problem shape as rule violations found by the validators.
/// </summary>
internal static class InvalidRequestResponse
{
    public static IActionResult Create(ActionContext context)
    {
        var problem = new ValidationProblemDetails(context.ModelState)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            Detail = "The request could not be read; see 'errors' for each field.",
            Instance = context.HttpContext.Request.Path,
        };
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;

        return new BadRequestObjectResult(problem)
        {
            ContentTypes = { "application/problem+json" },
        };
    }
}
