using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Messaging.Api.Authentication;
using Messaging.Api.Authorization;
using Messaging.Api.ProblemResponses;
using Messaging.Infrastructure.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Messaging.Api.Events;

/// <summary>
/// <c>GET /api/events</c>: a Server-Sent Events stream of every message stored or changed on this instance. The first
/// event, <c>ready</c>, says the listener is registered, so a client that refetches after it misses nothing. Each
/// <c>message</c> event carries a message exactly as <c>GET /api/messages/{id}</c> shows it.
/// The key travels in the <c>X-Api-Key</c> header like on every other endpoint (the dashboard reads the stream with
/// <c>fetch</c>, not <c>EventSource</c>), so keys never appear in URLs, logs or browser history.
/// </summary>
public static class MessageEventsEndpoint
{
    public const string Route = "/api/events";

    public const string ReadyEvent = "ready";

    public const string MessageEvent = "message";

    public static IEndpointConventionBuilder MapMessageEvents(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet(Route, Stream)
            .RequireAuthorization(ApiPolicies.MessagesRead)
            .WithName("GetMessageEvents");
    }

    private static Results<ServerSentEventsResult<string>, ProblemHttpResult> Stream(
        MessageEventBroadcaster broadcaster,
        EventStreamLimiter limiter,
        IOptions<EventStreamOptions> streamOptions,
        IOptions<Microsoft.AspNetCore.Mvc.JsonOptions> json,
        IHostApplicationLifetime lifetime,
        HttpContext context)
    {
        var key = context.Features.Get<ApiKey>()
            ?? throw new InvalidOperationException("The event stream was reached without an authenticated API key.");
        var lease = limiter.TryOpen(key.Name);
        if (lease is null)
        {
            return TypedResults.Problem(Problems.TooManyEventStreams(streamOptions.Value.MaxStreamsPerKey));
        }

        // Proxies such as nginx buffer answers unless told not to, which would hold events back.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var subscription = broadcaster.Subscribe();
        return TypedResults.ServerSentEvents(
            Events(subscription, lease, json.Value.JsonSerializerOptions, [context.RequestAborted, lifetime.ApplicationStopping, key.Revoked]));
    }

    private static async IAsyncEnumerable<SseItem<string>> Events(
        MessageEventSubscription subscription,
        IDisposable lease,
        JsonSerializerOptions options,
        CancellationToken[] endings,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The client leaving, the host stopping (open streams would otherwise hold shutdown until its timeout) and the
        // key being revoked all end the stream.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource([.. endings, cancellationToken]);
        using (lease)
        using (subscription)
        {
            yield return new SseItem<string>("{}", ReadyEvent);
            while (true)
            {
                bool more;
                try
                {
                    more = await subscription.Reader.WaitToReadAsync(ended.Token);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                if (!more)
                {
                    yield break;
                }

                while (subscription.Reader.TryRead(out var message))
                {
                    yield return new SseItem<string>(JsonSerializer.Serialize(message, options), MessageEvent)
                    {
                        EventId = message.Id.ToString("D"),
                    };
                }
            }
        }
    }
}
