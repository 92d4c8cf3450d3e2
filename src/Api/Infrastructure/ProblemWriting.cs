using Microsoft.AspNetCore.Mvc;

namespace Messaging.Api.Infrastructure;

internal static class ProblemWriting
{
    /// <summary>Writes <paramref name="problem"/> through <see cref="IProblemDetailsService"/>, like every other problem.</summary>
    public static async Task WriteProblemAsync(this HttpContext httpContext, ProblemDetails problem)
    {
        problem.Instance ??= httpContext.Request.Path;
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var service = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        // When no writer accepts what the client asked for, the status alone still says what happened.
        await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }
}
