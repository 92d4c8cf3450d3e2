namespace Messaging.Api.ProblemResponses;

internal static class ProblemWriting
{
    /// <summary>
    /// The one way this service answers with a problem: sets the status and writes <paramref name="problem"/> through
    /// <see cref="IProblemDetailsService"/> (<see cref="ProblemJsonWriter"/>), which adds the instance and the trace id.
    /// Returns whether a body was written.
    /// </summary>
    public static async Task<bool> WriteProblemAsync(this HttpContext httpContext, ProblemDetails problem, Exception? exception = null)
    {
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var service = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();

        // When no writer accepts what the client asked for, the status alone still says what happened.
        return await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
