using System.Security.Claims;
using System.Text;
using Messaging.Api.Authentication;
using Messaging.Api.Authorization;
using Messaging.Application.Common.Exceptions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Messaging.Api.ProblemResponses;

/// <summary>
/// Every RFC 9457 problem the API answers with: outcomes of a command or query (<see cref="For"/>) and answers of the
/// HTTP layer itself. <see cref="ProblemWriting.WriteProblemAsync"/> writes them.
/// </summary>
internal static class Problems
{
    private const string BadRequestType = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
    private const string UnprocessableType = "https://tools.ietf.org/html/rfc9110#section-15.5.21";
    private const string ConflictType = "https://tools.ietf.org/html/rfc9110#section-15.5.10";
    private const string BadGatewayType = "https://tools.ietf.org/html/rfc9110#section-15.6.3";

    /// <summary>
    /// The problem for <paramref name="exception"/>, or null for a failure <see cref="FailureClassifier"/> calls
    /// unexpected. What a caller is told can depend on what <paramref name="user"/> may read.
    /// </summary>
    public static ProblemDetails? For(Exception exception, ClaimsPrincipal user) => exception switch
    {
        ValidationException validation => new ValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Type = BadRequestType,
            Detail = "See 'errors' for each field.",
        },
        NotFoundException notFound => Problem(
            StatusCodes.Status404NotFound,
            "Not found.",
            "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            notFound.Message),
        MessageRejectedException rejected => Rejected(rejected),
        CustomerServiceWindowClosedException windowClosed => WindowClosed(windowClosed, user),
        TemplateNotSendableException template => TemplateNotSendable(template),
        TwilioUnavailableException => Problem(
            StatusCodes.Status502BadGateway,
            "Twilio is unavailable.",
            BadGatewayType,
            "Twilio could not be reached or failed. Nothing was sent or stored; it is safe to retry."),
        MediaSourceNotAllowedException notAllowed => Problem(
            StatusCodes.Status422UnprocessableEntity,
            "The medium is not hosted by Twilio.",
            UnprocessableType,
            notAllowed.Message),
        MediaUnavailableException unavailable => Problem(
            StatusCodes.Status502BadGateway,
            "Twilio could not provide the medium.",
            BadGatewayType,
            unavailable.Message),
        WebhookUrlNotAllowedException urlNotAllowed => Problem(
            StatusCodes.Status422UnprocessableEntity,
            "The webhook URL is not allowed.",
            UnprocessableType,
            urlNotAllowed.Message),
        WebhookSubscriptionLimitException limit => Problem(
            StatusCodes.Status409Conflict,
            "Too many webhook subscriptions.",
            ConflictType,
            limit.Message),
        WebhookSubscriptionDisabledException disabled => Problem(
            StatusCodes.Status409Conflict,
            "The webhook subscription is disabled.",
            ConflictType,
            disabled.Message),
        BadHttpRequestException badRequest => new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = "The request could not be read.",
            Detail = badRequest.Message,
        },

        // The JSON reader turns only JSON errors into model errors: bytes that are not text in the charset the
        // Content-Type names (an odd-length body said to be UTF-16) reach here as the decoder's exception.
        DecoderFallbackException => UnreadableBody("The request body is not valid text in the charset its Content-Type names."),
        _ => null,
    };

    /// <summary>
    /// A request that cannot even be bound (malformed JSON, a number that is not a number, an id that is not a GUID)
    /// gets the same shape as rule violations found by the validators.
    /// </summary>
    public static ValidationProblemDetails InvalidRequest(ModelStateDictionary modelState) => new(modelState)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request is not valid.",
        Type = BadRequestType,
        Detail = "The request could not be read; see 'errors' for each field.",
    };

    private static ProblemDetails UnreadableBody(string detail) =>
        Problem(StatusCodes.Status400BadRequest, "The request could not be read.", BadRequestType, detail);

    public static ProblemDetails NotFromTwilio(string detail) =>
        Problem(
            StatusCodes.Status403Forbidden,
            "The request is not a webhook from Twilio for this account.",
            "https://tools.ietf.org/html/rfc9110#section-15.5.4",
            detail);

    public static ProblemDetails MissingApiKey() =>
        Problem(
            StatusCodes.Status401Unauthorized,
            "An API key is required.",
            "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            "Send the key in the X-Api-Key header or as 'Authorization: Bearer <key>'.");

    public static ProblemDetails InvalidApiKey() =>
        Problem(
            StatusCodes.Status401Unauthorized,
            "The API key is not valid.",
            "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            "The key sent is not one this service accepts.");

    public static ProblemDetails MissingScope(IReadOnlyCollection<string> scopes) =>
        Problem(
            StatusCodes.Status403Forbidden,
            "The API key does not allow this.",
            "https://tools.ietf.org/html/rfc9110#section-15.5.4",
            scopes.Count == 0
                ? "The API key lacks a scope this endpoint needs."
                : $"This endpoint needs the scope {string.Join(", ", scopes.Select(s => $"'{s}'"))}.")
            .With("requiredScopes", scopes, when: scopes.Count > 0);

    public static ProblemDetails TooManyRequests(int? retryAfterSeconds) =>
        Problem(
            StatusCodes.Status429TooManyRequests,
            "Too many requests.",
            "https://tools.ietf.org/html/rfc6585#section-4",
            retryAfterSeconds is { } seconds
                ? $"This API key has used up its sends for now; retry after {seconds} seconds. Nothing was sent."
                : "This API key has used up its sends for now. Nothing was sent.");

    public static ProblemDetails TooManyEventStreams(int limit) =>
        Problem(
            StatusCodes.Status429TooManyRequests,
            "Too many event streams.",
            "https://tools.ietf.org/html/rfc6585#section-4",
            $"This API key already holds {limit} open event streams on this instance, the most it may; close one first.");

    public static ProblemDetails InvalidLastEventId() =>
        Problem(
            StatusCodes.Status400BadRequest,
            "The Last-Event-ID header is not an event position.",
            "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            "Last-Event-ID must be the id of an event this stream sent: a whole number from 0 up.");

    public static ProblemDetails PayloadTooLarge(long limit) =>
        Problem(
            StatusCodes.Status413PayloadTooLarge,
            "The request body is too large.",
            "https://tools.ietf.org/html/rfc9110#section-15.5.14",
            $"Request bodies are limited to {limit} bytes.");

    public static ProblemDetails IdempotencyKeyInUse() =>
        Problem(
            StatusCodes.Status409Conflict,
            "A request with this Idempotency-Key is still in progress.",
            ConflictType,
            "Retry once it has finished to get its response.");

    public static ProblemDetails IdempotencyKeyReused() =>
        Problem(
            StatusCodes.Status422UnprocessableEntity,
            "This Idempotency-Key was used for a different request.",
            UnprocessableType,
            "An Idempotency-Key belongs to one request payload; use a new key for a new request.");

    public static ProblemDetails UnknownOutcome() =>
        Problem(
            StatusCodes.Status500InternalServerError,
            "The outcome of the request is unknown.",
            "https://tools.ietf.org/html/rfc9110#section-15.6.1",
            "The message may have been sent. Look for it before sending it again with a new Idempotency-Key.");

    private static ProblemDetails Rejected(MessageRejectedException rejected) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "Twilio rejected the message.", UnprocessableType, rejected.Message)
            .With("twilioCode", rejected.TwilioCode)
            .With("messageId", rejected.MessageId)
            .With("moreInfo", rejected.MoreInfo, when: rejected.MoreInfo is not null);

    private static ProblemDetails WindowClosed(CustomerServiceWindowClosedException windowClosed, ClaimsPrincipal user)
    {
        // When a customer last wrote is part of the conversation, which a key that may only send must not read.
        var mayRead = user.HasClaim(ApiKeyDefaults.ScopeClaim, ApiScopes.MessagesRead);
        var detail = mayRead
            ? windowClosed.Message
            : $"{windowClosed.Contact} has not written in the last 24 hours, so free-form messages cannot reach them; send an approved template (contentSid) instead.";
        return Problem(StatusCodes.Status422UnprocessableEntity, "The customer-service window is closed.", UnprocessableType, detail)
            .With("contact", windowClosed.Contact)
            .With("windowOpenUntil", windowClosed.WindowOpenUntil, when: mayRead);
    }

    private static ProblemDetails TemplateNotSendable(TemplateNotSendableException template)
    {
        var variablesWrong = template.MissingVariables.Count > 0 || template.ExtraVariables.Count > 0;
        return Problem(StatusCodes.Status422UnprocessableEntity, "The template cannot be sent.", UnprocessableType, template.Message)
            .With("contentSid", template.ContentSid)
            .With("approvalStatus", template.ApprovalStatus, when: template.ApprovalStatus is not null)
            .With("missingVariables", template.MissingVariables, when: variablesWrong)
            .With("extraVariables", template.ExtraVariables, when: variablesWrong);
    }

    private static ProblemDetails Problem(int status, string title, string type, string detail) => new()
    {
        Status = status,
        Title = title,
        Type = type,
        Detail = detail,
    };

    /// <summary>Adds a member to the problem (RFC 9457 extension), only <paramref name="when"/> it applies.</summary>
    private static ProblemDetails With(this ProblemDetails problem, string key, object? value, bool when = true)
    {
        if (when)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}
