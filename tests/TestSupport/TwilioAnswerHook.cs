using System.Text.Json;

namespace Messaging.TestSupport;

/// <summary>
/// Hands the SID of every message Twilio creates to a test before the application reads Twilio's answer. A status
/// callback run there reaches the service before the send has saved the message, which is what Twilio does when it is
/// fast.
/// </summary>
public sealed class TwilioAnswerHook(Func<string, Task> onMessageCreated) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Post
            && request.RequestUri?.AbsolutePath.EndsWith("/Messages.json", StringComparison.Ordinal) == true
            && response.IsSuccessStatusCode)
        {
            // Reading buffers the content, so the SDK still reads the whole answer afterwards.
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            await onMessageCreated(answer.RootElement.GetProperty("sid").GetString()!);
        }

        return response;
    }
}
