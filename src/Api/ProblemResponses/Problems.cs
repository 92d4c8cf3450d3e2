using System.Security.Claims;
using Messaging.Api.Authentication;
using Messaging.Api.Authorization;
using Messaging.Application.Common.Exceptions;
using Microsoft.AspNetCore.Mvc;
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
    private const string BadGatewayType = "https://tools.ietf.org/html/rfc9110#section-15.6.3";

    /// <summary>
    /// The problem for <paramref name="exception"/>, or null for a failure <see cref="FailureClassifier"/> calls
    /// unexpected (or for which this list has no answer yet, which the test of this class catches). What a caller is told
    /// can depend on what <paramref name="user"/> may read.
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
        NotFoundException notFound => new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "Not found.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            Detail = notFound.Message,
        },
        MessageRejectedException rejected => Rejected(rejected),
        CustomerServiceWindowClosedException windowClosed => WindowClosed(windowClosed, user),
        TemplateNotSendableException template => TemplateNotSendable(template),
        TwilioUnavailableException => new ProblemDetails
        {
            Status = StatusCodes.Status502BadGateway,
            Title = "Twilio is unavailable.",
            Type = BadGatewayType,
            Detail = "Twilio could not be reached or failed. Nothing was sent or stored; it is safe to retry.",
        },
        MediaSourceNotAllowedException notAllowed => new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The medium is not hosted by Twilio.",
            Type = UnprocessableType,
            Detail = notAllowed.Message,
        },
        MediaUnavailableException unavailable => new ProblemDetails
        {
            Status = StatusCodes.Status502BadGateway,
            Title = "Twilio could not provide the medium.",
            Type = BadGatewayType,
            Detail = unavailable.Message,
        },
        BadHttpRequestException badRequest => new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = "The request could not be read.",
            Detail = badRequest.Message,
        },
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

    public static ProblemDetails UnreadableForm(string detail) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request could not be read.",
        Type = BadRequestType,
        Detail = detail,
    };

    public static ProblemDetails NotFromTwilio(string detail) => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Title = "The request is not a webhook from Twilio for this account.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        Detail = detail,
    };

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
        Type = UnprocessableType,
        Detail = "An Idempotency-Key belongs to one request payload; use a new key for a new request.",
    };

    public static ProblemDetails UnknownOutcome() => new()
    {
        Status = StatusCodes.Status500InternalServerError,
        Title = "The outcome of the request is unknown.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        Detail = "The message may have been sent. Look for it before sending it again with a new Idempotency-Key.",
    };

    private static ProblemDetails Rejected(MessageRejectedException rejected)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Twilio rejected the message.",
            Type = UnprocessableType,
            Detail = rejected.Message,
        };
        problem.Extensions["twilioCode"] = rejected.TwilioCode;
        problem.Extensions["messageId"] = rejected.MessageId;
        if (rejected.MoreInfo is not null)
        {
            problem.Extensions["moreInfo"] = rejected.MoreInfo;
        }

        return problem;
    }

    private static ProblemDetails WindowClosed(CustomerServiceWindowClosedException windowClosed, ClaimsPrincipal user)
    {
        // When a customer last wrote is part of the conversation, which a key that may only send must not read.
        var mayRead = user.HasClaim(ApiKeyDefaults.ScopeClaim, ApiScopes.MessagesRead);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The customer-service window is closed.",
            Type = UnprocessableType,
            Detail = mayRead
                ? windowClosed.Message
                : $"{windowClosed.Contact} has not written in the last 24 hours, so free-form messages cannot reach them; send an approved template (contentSid) instead.",
        };
        problem.Extensions["contact"] = windowClosed.Contact;
        if (mayRead)
        {
            problem.Extensions["windowOpenUntil"] = windowClosed.WindowOpenUntil;
        }

        return problem;
    }

    private static ProblemDetails TemplateNotSendable(TemplateNotSendableException template)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The template cannot be sent.",
            Type = UnprocessableType,
            Detail = template.Message,
        };
        problem.Extensions["contentSid"] = template.ContentSid;
        if (template.ApprovalStatus is not null)
        {
            problem.Extensions["approvalStatus"] = template.ApprovalStatus;
        }

        if (template.MissingVariables.Count > 0 || template.ExtraVariables.Count > 0)
        {
            problem.Extensions["missingVariables"] = template.MissingVariables;
            problem.Extensions["extraVariables"] = template.ExtraVariables;
        }

        return problem;
    }
}
