using System.Collections.Concurrent;

namespace Messaging.TwilioEmulator;

/// <summary>
/// Posts the emulator's webhooks, signed as Twilio signs them, on an <see cref="HttpClient"/> of its own. Every attempt
/// is recorded; a receiver that is down, slow or failing is noted and never stops the emulator. Stopping cancels
/// whatever is still waiting or in flight.
/// </summary>
internal sealed class CallbackDispatcher : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly string _authToken;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly ConcurrentQueue<DeliveredCallback> _delivered = new();

    public CallbackDispatcher(string authToken, TimeSpan timeout, TimeProvider timeProvider)
    {
        _authToken = authToken;
        _timeProvider = timeProvider;
        // Twilio does not follow redirects from webhook receivers, and neither does the emulator.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = timeout };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("TwilioProxy/1.1");
    }

    public IReadOnlyList<DeliveredCallback> Delivered => _delivered.ToArray();

    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Runs <paramref name="work"/> in the background until it ends or the emulator stops.</summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        var task = Task.Run(async () =>
        {
            try
            {
                await work(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Stopped: pending callbacks are dropped, as they would be if Twilio went away.
            }
        });
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Posts one signed form to <paramref name="url"/> and records the outcome; never throws for a failed delivery.</summary>
    public async Task<DeliveredCallback> PostAsync(
        Uri url,
        CallbackKind kind,
        IReadOnlyList<KeyValuePair<string, string>> fields,
        CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var signature = TwilioRequestSigner.Sign(_authToken, url.AbsoluteUri, fields);
        int? statusCode = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add(TwilioRequestSigner.HeaderName, signature);
            request.Headers.Add("I-Twilio-Idempotency-Token", Guid.NewGuid().ToString());
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            statusCode = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            error = ex is OperationCanceledException && !linked.IsCancellationRequested
                ? "The receiver did not answer in time."
                : ex.Message;
        }

        var delivered = new DeliveredCallback
        {
            Kind = kind,
            Url = url,
            Fields = fields,
            Signature = signature,
            StatusCode = statusCode,
            Error = error,
            At = _timeProvider.GetUtcNow(),
        };
        _delivered.Enqueue(delivered);
        cancellationToken.ThrowIfCancellationRequested();
        return delivered;
    }

    /// <summary>Completes when the work running now (and whatever it posts) has ended.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken) => Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Keys);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        _stopping.Dispose();
    }
}
