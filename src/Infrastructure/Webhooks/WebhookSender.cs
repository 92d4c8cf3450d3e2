using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Messaging.Application.Common.Diagnostics;
using Messaging.Application.Events;
using Messaging.Application.Webhooks;
using Messaging.Domain.Webhooks;
using Messaging.WebhookSignatures;

namespace Messaging.Infrastructure.Webhooks;

/// <summary>One signed POST of an event to a subscriber, on a client that follows no redirects and connects only where allowed.</summary>
internal sealed class WebhookSender(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, IOptions<WebhookOptions> options)
{
    public const string HttpClientName = "Webhooks";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<AttemptResult> Send(WebhookSubscription subscription, StoredEvent stored, CancellationToken stoppingToken)
    {
        var body = EventEnvelope.ToJson(stored);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = Json } },
        };

        // One clock reading for the timestamp and for whether a rotated-out secret still signs.
        var now = timeProvider.GetUtcNow();
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(subscription.SigningSecretsAt(now), now, body));
        request.Headers.Add(WebhookHeaders.EventId, stored.Id.ToString());
        request.Headers.Add(WebhookHeaders.EventType, stored.Type);

        var timeout = options.Value.AttemptTimeout;
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new AttemptResult(MessagingTelemetry.DeliverySucceeded, status, null, Stopwatch.GetElapsedTime(started));
            }

            var error = status is >= 300 and < 400
                ? "The receiver answered with a redirect; redirects are not followed."
                : string.Create(CultureInfo.InvariantCulture, $"The receiver answered {status}.");
            return new AttemptResult(MessagingTelemetry.DeliveryRefused, status, error, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            return new AttemptResult(
                MessagingTelemetry.DeliveryTimeout,
                null,
                string.Create(CultureInfo.InvariantCulture, $"No answer within {timeout.TotalSeconds:0.###} s."),
                Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException exception)
        {
            return new AttemptResult(MessagingTelemetry.DeliveryUnreachable, null, exception.Message, Stopwatch.GetElapsedTime(started));
        }
    }
}
