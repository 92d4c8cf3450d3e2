using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Messaging.Api.ProblemResponses;

/// <summary>
/// Writes every problem as <c>application/problem+json</c>, whatever the request's <c>Accept</c> says, with the problem's
/// own type. The framework's writers decline a client that asks only for HTML or XML (the problem is then lost, and a
/// mapped 4xx is logged as an unhandled error) and MVC's writes a <see cref="ValidationProblemDetails"/> as its base
/// type, without its <c>errors</c>. The API has no other representation of an error, and RFC 9110 lets a server answer
/// with one the client did not list rather than with nothing.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<ApiBehaviorOptions> apiOptions, IOptions<JsonOptions> jsonOptions)
    : IProblemDetailsWriter
{
    private const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var httpContext = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ?? httpContext.Response.StatusCode;
        problem.Status = status;
        if (apiOptions.Value.ClientErrorMapping.TryGetValue(status, out var mapping))
        {
            problem.Type ??= mapping.Link;
            problem.Title ??= mapping.Title;
        }

        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problem.Instance ??= httpContext.Request.Path;
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);

        httpContext.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(
            httpContext.Response.Body, problem, problem.GetType(), jsonOptions.Value.JsonSerializerOptions, httpContext.RequestAborted);
    }
}
