using Messaging.Application.Common.Exceptions;
using Messaging.Application.Common.Logging;
using System.Security.Claims;
using Messaging.Api.Authentication;
using Messaging.Api.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Api.Infrastructure;

/// <summary>The one place where application outcomes become RFC 9457 problem responses.</summary>
internal sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetailsService,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => new ValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
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
            CustomerServiceWindowClosedException windowClosed => WindowClosed(windowClosed, httpContext.User),
            TemplateNotSendableException template => TemplateNotSendable(template),
            TwilioUnavailableException unavailable => new ProblemDetails
            {
                Status = StatusCodes.Status502BadGateway,
                Title = "Twilio is unavailable.",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.3",
                Detail = "Twilio could not be reached or failed. Nothing was sent or stored; it is safe to retry.",
            },
            MediaSourceNotAllowedException notAllowed => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The medium is not hosted by Twilio.",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
                Detail = notAllowed.Message,
            },
            MediaUnavailableException unavailable => new ProblemDetails
            {
                Status = StatusCodes.Status502BadGateway,
                Title = "Twilio could not provide the medium.",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.3",
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

        if (problem is null)
        {
            LogUnhandled(logger, exception, LogText.Escape(httpContext.Request.Method), LogText.Escape(httpContext.Request.Path.Value));
            return false;
        }

        if (exception is TwilioUnavailableException)
        {
            LogTwilioUnavailable(logger, exception.Message);
        }

        problem.Instance = httpContext.Request.Path;
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetailsService.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Rejected(MessageRejectedException rejected)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Twilio rejected the message.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
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
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
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
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio unavailable: {Reason}")]
    private static partial void LogTwilioUnavailable(ILogger logger, string reason);
}
