using Microsoft.AspNetCore.Mvc;

namespace Messaging.Api.Infrastructure;

/// <summary>
/// The problems that are answers of the HTTP layer itself rather than outcomes of a command or query, which
/// <see cref="ProblemDetailsExceptionHandler"/> maps.
/// </summary>
internal static class Problems
{
    public static ProblemDetails MissingApiKey() => new()
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "An API key is required.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        Detail = "Send the key in the X-Api-Key header or as 'Authorization: Bearer <key>'.",
    };

    public static ProblemDetails InvalidApiKey() => new()
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "The API key is not valid.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        Detail = "The key sent is not one this service accepts.",
    };

    public static ProblemDetails MissingScope(IReadOnlyCollection<string> scopes)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "The API key does not allow this.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
            Detail = scopes.Count == 0
                ? "The API key lacks a scope this endpoint needs."
                : $"This endpoint needs the scope {string.Join(", ", scopes.Select(s => $"'{s}'"))}.",
        };
        if (scopes.Count > 0)
        {
            problem.Extensions["requiredScopes"] = scopes;
        }

        return problem;
    }

    public static ProblemDetails TooManyRequests(int? retryAfterSeconds) => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Title = "Too many requests.",
        Type = "https://tools.ietf.org/html/rfc6585#section-4",
        Detail = retryAfterSeconds is { } seconds
            ? $"This API key has used up its sends for now; retry after {seconds} seconds. Nothing was sent."
            : "This API key has used up its sends for now. Nothing was sent.",
    };

    public static ProblemDetails TooManyEventStreams(int limit) => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Title = "Too many event streams.",
        Type = "https://tools.ietf.org/html/rfc6585#section-4",
        Detail = $"This API key already holds {limit} open event streams on this instance, the most it may; close one first.",
    };

    public static ProblemDetails PayloadTooLarge(long limit) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "The request body is too large.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        Detail = $"Request bodies are limited to {limit} bytes.",
    };

    public static ProblemDetails IdempotencyKeyInUse() => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "A request with this Idempotency-Key is still in progress.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        Detail = "Retry once it has finished to get its response.",
    };

    public static ProblemDetails IdempotencyKeyReused() => new()
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "This Idempotency-Key was used for a different request.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        Detail = "An Idempotency-Key belongs to one request payload; use a new key for a new request.",
    };

    public static ProblemDetails UnknownOutcome() => new()
    {
        Status = StatusCodes.Status500InternalServerError,
        Title = "The outcome of the request is unknown.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        Detail = "The message may have been sent. Look for it before sending it again with a new Idempotency-Key.",
    };
}
