namespace Messaging.Api.Middleware;

/// <summary>
/// Lets routing's own refusals (405 for a method a path does not take, 415 for a body type it does not read) answer
/// without an API key. They are endpoints with no metadata, so the fallback policy would ask for a key first: Twilio's
/// webhooks, which need none, told a webhook configured with GET that an API key was missing. A refusal reveals only
/// what the OpenAPI document already says, and nothing runs behind it.
/// </summary>
internal sealed class RoutingRefusalMiddleware(RequestDelegate next)
{
    private static readonly EndpointMetadataCollection Anonymous = new(new AllowAnonymousAttribute());

    public Task InvokeAsync(HttpContext context)
    {
        // Every endpoint this service maps is routed; the matcher's refusals are bare endpoints of their own.
        if (context.GetEndpoint() is { } endpoint && endpoint is not RouteEndpoint && endpoint.Metadata.Count == 0)
        {
            context.SetEndpoint(new Endpoint(endpoint.RequestDelegate, Anonymous, endpoint.DisplayName));
        }

        return next(context);
    }
}
