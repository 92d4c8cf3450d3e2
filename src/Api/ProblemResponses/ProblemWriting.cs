namespace Messaging.Api.ProblemResponses;

internal static class ProblemWriting
{
    /// <summary>
    /// The one writer of problem responses: sets the status and the instance and writes <paramref name="problem"/>
    /// through <see cref="IProblemDetailsService"/>, which adds the trace id. Returns whether a body was written.
    /// </summary>
    public static async Task<bool> WriteProblemAsync(this HttpContext httpContext, ProblemDetails problem, Exception? exception = null)
    {
        problem.Instance ??= httpContext.Request.Path;
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var service = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();

        // When no writer accepts what the client asked for, the status alone still says what happened.
        return await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
