using Messaging.Api.Hosting;
using Messaging.Api.ProblemResponses;
using Microsoft.AspNetCore.Http.Features;

namespace Messaging.Api.Middleware;

/// <summary>
/// Refuses a body whose declared length is over <see cref="ApiOptions.MaxRequestBodyBytes"/> before anything reads it,
/// and holds the server to the same limit for bodies of undeclared length.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await context.WriteProblemAsync(Problems.PayloadTooLarge(limit));
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
