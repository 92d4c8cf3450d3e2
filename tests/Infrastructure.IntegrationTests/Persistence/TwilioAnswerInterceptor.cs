using System.Text.Json;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Watches Twilio's answers on the Twilio <see cref="HttpClient"/> and, when a message create succeeds, hands the new
/// SID to <see cref="OnMessageCreated"/> before the gateway sees the answer. A status callback run there reaches the
/// service before the send has saved the message, which is what Twilio does when it is fast.
/// </summary>
internal sealed class TwilioAnswerInterceptor
{
    public Func<string, Task>? OnMessageCreated { get; set; }

    public async Task<HttpResponseMessage> Inspect(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && response.IsSuccessStatusCode && OnMessageCreated is { } onCreated)
        {
            // Reading buffers the content, so the SDK still reads the whole answer afterwards.
            var json = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(json);
            await onCreated(document.RootElement.GetProperty("sid").GetString()!);
        }

        return response;
    }
}
