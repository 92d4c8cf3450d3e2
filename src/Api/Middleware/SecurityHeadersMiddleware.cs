using Microsoft.Net.Http.Headers;

namespace Messaging.Api.Middleware;

/// <summary>Headers every answer of a JSON API should carry: nothing is sniffed, framed or cached.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";

            // An endpoint that serves something other than JSON (customers' media) sets a policy of its own.
            if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            }

            headers["Referrer-Policy"] = "no-referrer";

            // Messages are personal data; no proxy or browser cache may keep them.
            if (!headers.ContainsKey(HeaderNames.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
