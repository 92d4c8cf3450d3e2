using System.Text.Json;
using Messaging.WebhookSignatures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// A webhook receiver on 127.0.0.1: the README's <see cref="SampleReceiver"/> behind a switch that makes it fail as a
/// test says, recording every request that arrives and every event the sample receiver accepted.
/// </summary>
public sealed class WebhookSubscriber : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _requestEventIds = new();
    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly ConcurrentQueue<(string Signature, string Body)> _signed = new();
    private int _fault;
    private int _unauthorized;
    private LoopbackServer _server = null!;

    private WebhookSubscriber()
    {
    }

    /// <summary>How the next requests are answered; changed at any time.</summary>
    public SubscriberFault Fault
    {
        get => (SubscriberFault)Volatile.Read(ref _fault);
        set => Volatile.Write(ref _fault, (int)value);
    }

    public Uri? RedirectTo { get; set; }

    /// <summary>The <c>Messaging-Event-Id</c> of every request that arrived, answered or not, in arrival order.</summary>
    public IReadOnlyList<string> RequestEventIds => [.. _requestEventIds];

    /// <summary>The <c>Messaging-Signature</c> header and the body of every request that arrived, in arrival order.</summary>
    public IReadOnlyList<(string Signature, string Body)> SignedRequests => [.. _signed];

    /// <summary>The events the sample receiver verified and took, each once, in arrival order.</summary>
    public IReadOnlyList<JsonElement> Events => [.. _events];

    /// <summary>Requests the sample receiver refused because their signature did not verify.</summary>
    public int Unauthorized => Volatile.Read(ref _unauthorized);

    /// <summary>Where a subscription to a subscriber that will listen on <paramref name="port"/> points.</summary>
    public static string UrlFor(int port) => $"http://127.0.0.1:{port}{SampleReceiver.Path}";

    public static async Task<WebhookSubscriber> StartAsync(int port, string secret, SubscriberFault fault = SubscriberFault.None)
    {
        var subscriber = new WebhookSubscriber { Fault = fault };
        subscriber._server = await LoopbackServer.StartAsync(
            app =>
            {
                app.Use(subscriber.Intercept);
                SampleReceiver.Map(app, subscriber._events.Enqueue);
            },
            port,
            build: builder =>
            {
                builder.Configuration.AddInMemoryCollection([new(SampleReceiver.SecretSetting, secret)]);
                builder.Services.AddRouting();
            });
        return subscriber;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task Intercept(HttpContext context, RequestDelegate next)
    {
        _requestEventIds.Enqueue(context.Request.Headers[WebhookHeaders.EventId].ToString());

        // Kept for the tests to verify with any secret; the sample receiver reads the body again from the start.
        context.Request.EnableBuffering();
        using (var reader = new StreamReader(context.Request.Body, leaveOpen: true))
        {
            _signed.Enqueue((context.Request.Headers[WebhookHeaders.Signature].ToString(), await reader.ReadToEndAsync()));
        }

        context.Request.Body.Position = 0;
        switch (Fault)
        {
            case SubscriberFault.ServerError:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            case SubscriberFault.Hang:
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The sender gave up, as it should.
                }

                return;
            case SubscriberFault.Redirect:
                context.Response.Redirect(RedirectTo!.AbsoluteUri);
                return;
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            Interlocked.Increment(ref _unauthorized);
        }
    }
}
