namespace Messaging.Api.ProblemResponses;

/// <summary>An action result that writes a problem the same way the exception handler does.</summary>
internal sealed class ProblemResult(ProblemDetails problem) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => context.HttpContext.WriteProblemAsync(problem);
}
