using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// Which failed calls to Twilio are tried again. Twilio creates a message for every create it processes, even when its
/// answer is lost on the way back, and the Messages API takes no idempotency key: a create is retried only when Twilio
/// certainly did not process it. Fetches are retried on every transient failure.
/// </summary>
internal static class TwilioRetryPredicate
{
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, TimeSpan maxRetryAfter, TimeProvider timeProvider)
    {
        if (request?.Method is { } method && (method == HttpMethod.Get || method == HttpMethod.Head))
        {
            return HttpClientResiliencePredicates.IsTransient(outcome);
        }

        if (outcome.Result is { } response)
        {
            return response.StatusCode switch
            {
                // Twilio answers 503 when it is not taking requests, before processing anything.
                HttpStatusCode.ServiceUnavailable => true,
                // 429 (Twilio error 20429): throttled, nothing created. Worth waiting only for a bounded time.
                HttpStatusCode.TooManyRequests => RetryAfter(response, timeProvider) is not { } wait || wait <= maxRetryAfter,
                _ => false,
            };
        }

        return outcome.Exception is { } exception && NeverReachedTwilio(exception);
    }

    /// <summary>
    /// True when the request certainly did not reach Twilio: no connection could be made. A timeout, or a connection lost
    /// after the request went out, proves nothing about whether Twilio processed it.
    /// </summary>
    public static bool NeverReachedTwilio(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
                or Polly.CircuitBreaker.BrokenCircuitException
                or Polly.RateLimiting.RateLimiterRejectedException)
            {
                return true;
            }
        }

        return false;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - timeProvider.GetUtcNow(),
        _ => null,
    };
}
