using System.Text;
using Messaging.Infrastructure.Idempotency;

namespace Messaging.Api.Idempotency;

/// <summary>Answers with a recorded response exactly as first sent, marked as a replay.</summary>
internal sealed class ReplayResult(StoredResponse response) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var httpResponse = context.HttpContext.Response;
        httpResponse.StatusCode = response.StatusCode;
        httpResponse.ContentType = response.ContentType;
        if (response.Location is not null)
        {
            httpResponse.Headers.Location = response.Location;
        }

        httpResponse.Headers[IdempotencyHeaders.Replayed] = "true";
        await httpResponse.WriteAsync(response.Body, Encoding.UTF8, context.HttpContext.RequestAborted);
    }
}
