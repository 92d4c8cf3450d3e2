using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

/// <summary>A real HTTP server on 127.0.0.1 that records every request it gets, as a webhook receiver would see it.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private LoopbackServer _server = null!;

    private WebhookReceiver()
    {
    }

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The status the receiver answers with; 200 unless a test says otherwise.</summary>
    public int AnswerStatus { get; set; } = StatusCodes.Status200OK;

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._server = await LoopbackServer.StartAsync(app => app.Run(receiver.RecordAsync));
        return receiver;
    }

    public Uri Url(string path) => _server.Url(path);

    /// <summary>Waits until <paramref name="count"/> requests have arrived, failing the test after a few seconds.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_requests.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Expected {count} requests, got {_requests.Count}.");
            }

            await Task.Delay(10);
        }

        return Requests;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task RecordAsync(HttpContext context)
    {
        var request = context.Request;
        var fields = request.HasFormContentType
            ? (await request.ReadFormAsync()).SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList()
            : [];
        _requests.Enqueue(new ReceivedRequest(
            request.Method,
            new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}"),
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            request.ContentType,
            fields));
        context.Response.StatusCode = AnswerStatus;
    }
}
