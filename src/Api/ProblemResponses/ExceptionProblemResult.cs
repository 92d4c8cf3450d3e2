using Microsoft.AspNetCore.Diagnostics;

namespace Messaging.Api.ProblemResponses;

/// <summary>
/// Turns an exception into its problem response inside MVC, through the same exception handlers the middleware uses, so
/// that the response can be recorded for an idempotency key like any other result.
/// </summary>
internal sealed class ExceptionProblemResult(Exception exception) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var httpContext = context.HttpContext;
        foreach (var handler in httpContext.RequestServices.GetServices<IExceptionHandler>())
        {
            if (await handler.TryHandleAsync(httpContext, exception, httpContext.RequestAborted))
            {
                return;
            }
        }

        // The handlers logged what they could not map; the send may or may not have reached Twilio.
        await httpContext.WriteProblemAsync(Problems.UnknownOutcome());
    }
}
