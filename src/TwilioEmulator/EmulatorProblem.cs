using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Messaging.TwilioEmulator;

/// <summary>The emulator's own endpoints (<c>/emulator/*</c>) are not Twilio's: they answer RFC 9457 problems and camelCase JSON.</summary>
internal static class EmulatorProblem
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new { type = "about:blank", title, status, detail },
            Json,
            "application/problem+json",
            context.RequestAborted);
    }
}
