using Messaging.Application.Common.Logging;

namespace Messaging.Api.Middleware;

/// <summary>
/// Logs one line per request with the name of the API key that made it, and puts that name in the logging scope of
/// everything logged while the request runs. The key itself is never logged.
/// </summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger, TimeProvider timeProvider)
{
    private const string Anonymous = "(none)";

    public async Task InvokeAsync(HttpContext context)
    {
        var keyName = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : Anonymous;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ApiKeyName"] = keyName });
        var started = timeProvider.GetTimestamp();

        // Logged once the response is complete: an exception becomes its problem response only outside this middleware.
        context.Response.OnCompleted(() =>
        {
            if (!logger.IsEnabled(LogLevel.Information))
            {
                return Task.CompletedTask;
            }

            // The path is the client's text, decoded: a %0A in it would otherwise start a forged log line.
            var path = LogText.Escape(context.Request.Path.Value ?? "/");
            var elapsed = timeProvider.GetElapsedTime(started).TotalMilliseconds;
            var method = LogText.Escape(context.Request.Method);
            LogRequest(logger, method, path, context.Response.StatusCode, keyName, elapsed);
            return Task.CompletedTask;
        });
        await next(context);
    }

    // The path, not the query: queries may hold phone numbers.
    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} for API key {ApiKeyName} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, string apiKeyName, double elapsedMilliseconds);
}
