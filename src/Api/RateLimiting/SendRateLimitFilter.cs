using System.Globalization;
using Messaging.Api.ProblemResponses;
using Messaging.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Messaging.Api.RateLimiting;

/// <summary>
/// Takes one of the API key's sends of the current window (<see cref="IRateWindowCounter"/>: in the database on SQL
/// Server and PostgreSQL, so that every instance shares it) before the action runs; without one, the answer is 429 with
/// <c>Retry-After</c> and nothing runs. The settings are read at every request, so a reloaded configuration applies at
/// once. Applied with <c>[ServiceFilter&lt;SendRateLimitFilter&gt;(Order = SendRateLimitFilter.Order)]</c>.
/// </summary>
internal sealed class SendRateLimitFilter(IRateWindowCounter counter, IOptionsMonitor<SendRateLimitOptions> options) : IAsyncActionFilter
{
    /// <summary>
    /// After the idempotency filter (0), so that a replayed answer takes no permit (it sends nothing) and a refusal gives
    /// the idempotency key back; that filter itself follows [ApiController]'s model-state filter (-2000).
    /// </summary>
    public const int Order = 1;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var httpContext = context.HttpContext;
        var key = httpContext.User.Identity?.Name
            ?? throw new InvalidOperationException("A rate-limited action was reached without an authenticated API key.");
        var settings = options.CurrentValue;
        var decision = await counter.TryTake(key, settings.PermitLimit, TimeSpan.FromSeconds(settings.WindowSeconds), httpContext.RequestAborted);
        if (decision.Taken)
        {
            await next();
            return;
        }

        var retryAfter = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        httpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        context.Result = new ProblemResult(Problems.TooManyRequests(retryAfter));
    }
}
