using Messaging.Application.Common.Diagnostics;
using Messaging.Infrastructure.Twilio;

namespace Messaging.Api.Telemetry;

/// <summary>
/// Counts Twilio's webhooks by kind and by how they were answered. A middleware rather than a filter, so that the
/// requests the signature check turns away are counted too.
/// </summary>
internal sealed class WebhookTelemetryMiddleware(RequestDelegate next, MessagingTelemetry telemetry)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var kind = Kind(context.Request.Path);
        if (kind is null)
        {
            await next(context);
            return;
        }

        var result = MessagingTelemetry.WebhookFailed;
        try
        {
            await next(context);
            result = context.Response.StatusCode switch
            {
                < 300 => MessagingTelemetry.WebhookAccepted,
                StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => MessagingTelemetry.WebhookBadSignature,
                < 500 => MessagingTelemetry.WebhookInvalid,
                _ => MessagingTelemetry.WebhookFailed,
            };
        }
        finally
        {
            telemetry.Webhook(kind, result);
        }
    }

    private static string? Kind(PathString path) =>
        path.Equals(TwilioWebhookPaths.Inbound, StringComparison.OrdinalIgnoreCase) ? MessagingTelemetry.WebhookInbound
        : path.Equals(TwilioWebhookPaths.Status, StringComparison.OrdinalIgnoreCase) ? MessagingTelemetry.WebhookStatus
        : null;
}
