using System.Text;
using FluentValidation.Results;
using Messaging.Api.ProblemResponses;
using Messaging.Application.Common.Diagnostics;
using Messaging.Application.Common.Exceptions;
using Messaging.Application.Common.Interfaces;
using Messaging.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Messaging.Api.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> contract of an action, after the IETF draft and Stripe: the first request with a key runs
/// and its response is recorded for the API key that sent it; the same key and payload again get that response back
/// with <c>Idempotent-Replayed: true</c> and run nothing; the key with another payload gets 422; while the first is
/// still running, 409. A response that says nothing was done (400, 429, 502, 503, 504) gives the key back, so the client may
/// retry with it; every other response, including an unknown failure, is recorded and replayed.
/// </summary>
internal sealed partial class IdempotencyFilter(IIdempotencyStore store, MessagingTelemetry telemetry, ILogger<IdempotencyFilter> logger)
    : IAsyncActionFilter, IAsyncAlwaysRunResultFilter
{
    private Guid? _claimId;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var httpContext = context.HttpContext;
        if (!httpContext.Request.Headers.TryGetValue(IdempotencyHeaders.IdempotencyKey, out var values))
        {
            await next();
            return;
        }

        var key = ValidKey(values);
        var owner = httpContext.User.Identity?.Name
            ?? throw new InvalidOperationException("An idempotent action was reached without an authenticated API key.");
        var fingerprint = RequestFingerprint.Compute(
            httpContext.Request.Method,
            context.ActionDescriptor.AttributeRouteInfo?.Template ?? context.ActionDescriptor.DisplayName ?? string.Empty,
            context.ActionArguments);

        var claim = await store.TryClaim(owner, key, fingerprint, httpContext.RequestAborted);
        switch (claim.Outcome)
        {
            case IdempotencyClaimOutcome.Completed:
                telemetry.DuplicateAbsorbed(MessagingTelemetry.DuplicateIdempotentReplay);
                context.Result = new ReplayResult(claim.Response!);
                return;
            case IdempotencyClaimOutcome.InFlight:
                context.Result = new ProblemResult(Problems.IdempotencyKeyInUse());
                return;
            case IdempotencyClaimOutcome.FingerprintMismatch:
                context.Result = new ProblemResult(Problems.IdempotencyKeyReused());
                return;
        }

        _claimId = claim.ClaimId;
        ActionExecutedContext executed;
        try
        {
            executed = await next();
        }
        catch
        {
            // Not reached for the action's own exceptions, which the executed context carries; this covers filters.
            await ReleaseClaim();
            throw;
        }

        if (executed.Exception is OperationCanceledException && !executed.ExceptionHandled && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller left and the action stopped before doing anything (see IdempotentAttribute): recording an
            // answer would tell every retry that the message may have been sent. The key is given back, and the
            // exception goes on to the exception middleware, which ends an aborted request without an answer.
            await ReleaseClaim();
            return;
        }

        if (executed.Exception is { } exception && !executed.ExceptionHandled)
        {
            // Mapped here rather than by the middleware, so that the result stage can record the problem it becomes.
            executed.Result = new ExceptionProblemResult(exception);
            executed.ExceptionHandled = true;
        }
    }

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (_claimId is not { } claimId)
        {
            await next();
            return;
        }

        var response = context.HttpContext.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            var executed = await next();
            if (executed.Exception is not null && !executed.ExceptionHandled)
            {
                // The action has run, so the message may be out; the key stays claimed and retries get 409 until it
                // expires, rather than a second send.
                LogOutcomeNotRecorded(logger);
                _claimId = null;
                return;
            }
        }
        finally
        {
            response.Body = original;
        }

        // Recorded before the client sees a byte: a retry that follows the response always finds the outcome.
        // The caller's token is not used: the outcome must be kept even when the caller has gone.
        if (GivesKeyBack(response.StatusCode))
        {
            await store.Release(claimId, CancellationToken.None);
        }
        else
        {
            await store.Complete(
                claimId,
                new StoredResponse(response.StatusCode, response.ContentType, response.Headers.Location, Encoding.UTF8.GetString(buffer.ToArray())),
                CancellationToken.None);
        }

        _claimId = null;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.HttpContext.RequestAborted);
    }

    /// <summary>Answers that say the request did nothing: invalid, over the key's send limit, or Twilio never took the message.</summary>
    private static bool GivesKeyBack(int statusCode) => statusCode is
        StatusCodes.Status400BadRequest or
        StatusCodes.Status429TooManyRequests or
        StatusCodes.Status502BadGateway or
        StatusCodes.Status503ServiceUnavailable or
        StatusCodes.Status504GatewayTimeout;

    private static string ValidKey(Microsoft.Extensions.Primitives.StringValues values)
    {
        string? problem = null;
        if (values.Count != 1)
        {
            problem = "Send exactly one Idempotency-Key header.";
        }
        else if (string.IsNullOrWhiteSpace(values[0]))
        {
            problem = "The Idempotency-Key must not be empty.";
        }
        else if (values[0]!.Length > IdempotencyHeaders.MaxKeyLength)
        {
            problem = $"The Idempotency-Key must be at most {IdempotencyHeaders.MaxKeyLength} characters.";
        }
        else if (values[0]!.Any(c => c is < ' ' or > '~'))
        {
            problem = "The Idempotency-Key must be printable ASCII characters.";
        }

        return problem is null
            ? values[0]!
            : throw new ValidationException([new ValidationFailure(IdempotencyHeaders.IdempotencyKey, problem)]);
    }

    private async Task ReleaseClaim()
    {
        if (_claimId is { } claimId)
        {
            _claimId = null;
            try
            {
                await store.Release(claimId, CancellationToken.None);
            }
            catch (Exception exception)
            {
                // The original failure matters more; a key left in flight only expires later.
                LogReleaseFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The response failed after the action ran; its idempotency key stays in flight until it expires")]
    private static partial void LogOutcomeNotRecorded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Giving back an idempotency key failed")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
