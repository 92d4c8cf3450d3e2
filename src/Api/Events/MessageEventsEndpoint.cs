using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Messaging.Api.Authentication;
using Messaging.Api.Authorization;
using Messaging.Api.ProblemResponses;
using Messaging.Application.Common.Interfaces;
using Messaging.Application.Events;
using Messaging.Infrastructure.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Messaging.Api.Events;

/// <summary>
/// <c>GET /api/events</c>: a Server-Sent Events stream of the outbox, every event of every instance in position order.
/// Each event's SSE <c>id</c> is its position and its <c>event</c> its type; its data is the event as webhooks carry it.
/// A client that reconnects with <c>Last-Event-ID</c> gets every event after that position exactly once, for as long
/// as they are kept; when they are not (or the position is unknown) it gets <c>reset</c> and refetches. The first event,
/// <c>ready</c>, says the listener is registered; its id is the position the stream starts after.
/// The key travels in the <c>X-Api-Key</c> header like on every other endpoint (the dashboard reads the stream with
/// <c>fetch</c>, not <c>EventSource</c>), so keys never appear in URLs, logs or browser history.
/// </summary>
public static class MessageEventsEndpoint
{
    public const string Route = "/api/events";

    public const string ReadyEvent = "ready";

    public const string ResetEvent = "reset";

    private const string LastEventIdHeader = "Last-Event-ID";

    public static IEndpointConventionBuilder MapMessageEvents(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet(Route, Stream)
            .RequireAuthorization(ApiPolicies.MessagesRead)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("GetMessageEvents");
    }

    private static async Task<Results<ServerSentEventsResult<string>, ProblemHttpResult>> Stream(
        EventFeed feed,
        IEventLog log,
        EventStreamLimiter limiter,
        IOptions<EventStreamOptions> streamOptions,
        IHostApplicationLifetime lifetime,
        HttpContext context)
    {
        var key = context.Features.Get<ApiKey>()
            ?? throw new InvalidOperationException("The event stream was reached without an authenticated API key.");
        long? resumeAfter = null;
        if (context.Request.Headers.TryGetValue(LastEventIdHeader, out var header))
        {
            if (!long.TryParse(header.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return TypedResults.Problem(Problems.InvalidLastEventId());
            }

            resumeAfter = position;
        }

        var lease = limiter.TryOpen(key.Name);
        if (lease is null)
        {
            return TypedResults.Problem(Problems.TooManyEventStreams(streamOptions.Value.MaxStreamsPerKey));
        }

        try
        {
            var aborted = context.RequestAborted;
            var live = await feed.Last(aborted);

            // A position beyond every position given is not from this database: start again. One behind this
            // instance's tail but given by another instance is not: the stream waits for it.
            var reset = resumeAfter is { } asked && asked > live && asked > await log.Head(aborted);
            var start = reset || resumeAfter is null ? live : resumeAfter.Value;

            // Proxies such as nginx buffer answers unless told not to, which would hold events back.
            context.Response.Headers["X-Accel-Buffering"] = "no";
            return TypedResults.ServerSentEvents(
                Events(feed, start, reset, lease, [aborted, lifetime.ApplicationStopping, key.Revoked]));
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    private static async IAsyncEnumerable<SseItem<string>> Events(
        EventFeed feed,
        long start,
        bool reset,
        IDisposable lease,
        CancellationToken[] endings,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The client leaving, the host stopping (open streams would otherwise hold shutdown until its timeout) and the
        // key being revoked all end the stream.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource([.. endings, cancellationToken]);
        using (lease)
        {
            var position = start;
            if (reset)
            {
                yield return Reset(position);
            }

            yield return new SseItem<string>("{}", ReadyEvent) { EventId = Id(position) };
            while (true)
            {
                EventFeedRead read;
                try
                {
                    read = await feed.ReadAfter(position, EventFeed.PageSize, ended.Token);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                if (read.Gap)
                {
                    // The events after the client's position were purged: it refetches and goes on from the newest.
                    position = await feed.Last(CancellationToken.None);
                    yield return Reset(position);
                    continue;
                }

                foreach (var stored in read.Events)
                {
                    position = stored.Position;
                    yield return new SseItem<string>(EventEnvelope.ToJson(stored), stored.Type) { EventId = Id(position) };
                }
            }
        }
    }

    private static SseItem<string> Reset(long position) =>
        new($$"""{"position":{{Id(position)}}}""", ResetEvent) { EventId = Id(position) };

    private static string Id(long position) => position.ToString(CultureInfo.InvariantCulture);
}
