using Messaging.Application.Common.Logging;
using Microsoft.AspNetCore.Diagnostics;

namespace Messaging.Api.ProblemResponses;

/// <summary>
/// Answers every failure a caller can cause, or Twilio can, with its problem (<see cref="Problems.For"/>). Those are
/// logged, if at all, where the request ends (the MediatR pipeline), by the same classification; only what has no
/// answer is logged here, as the error it is.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Problems.For(exception, httpContext.User) is not { } problem)
        {
            LogUnhandled(logger, exception, LogText.Escape(httpContext.Request.Method), LogText.Escape(httpContext.Request.Path.Value));
            return false;
        }

        return await httpContext.WriteProblemAsync(problem, exception);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
