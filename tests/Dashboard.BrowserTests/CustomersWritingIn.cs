using System.Collections.Concurrent;
using System.Net.Http.Json;

namespace Messaging.Dashboard.BrowserTests;

/// <summary>
/// Customers writing in at a steady pace through the emulator's <c>POST /emulator/inbound</c>, one after another,
/// until stopped: the live traffic a support desk sees while an agent works.
/// </summary>
public sealed class CustomersWritingIn : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly Task _loop;
    private int _posted;
    private string? _lastFrom;

    private CustomersWritingIn(Uri emulator, TimeSpan interval, Func<int, (string From, string Body, string ProfileName)> next)
    {
        _client = new HttpClient { BaseAddress = emulator };
        _loop = RunAsync(interval, next);
    }

    /// <summary>How many messages the service has accepted so far.</summary>
    public int Posted => Volatile.Read(ref _posted);

    /// <summary>The customer of the last message the service accepted.</summary>
    public string? LastFrom => Volatile.Read(ref _lastFrom);

    public IReadOnlyCollection<string> Failures => _failures;

    /// <param name="interval">The pace of the stream: one message per interval.</param>
    /// <param name="next">The n-th message: its sender (E.164), body and profile name.</param>
    public static CustomersWritingIn Start(Uri emulator, TimeSpan interval, Func<int, (string From, string Body, string ProfileName)> next) =>
        new(emulator, interval, next);

    /// <summary>Stops after the message under way, if any, has been answered.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _client.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync(TimeSpan interval, Func<int, (string From, string Body, string ProfileName)> next)
    {
        using var pace = new PeriodicTimer(interval);
        try
        {
            for (var n = 0; await pace.WaitForNextTickAsync(_stopping.Token); n++)
            {
                var (from, body, profileName) = next(n);

                // Never cancelled half-way: a message the service took is always counted, so LastFrom is exact.
                using var response = await _client.PostAsJsonAsync(
                    new Uri("/emulator/inbound", UriKind.Relative), new { from, body, profileName }, CancellationToken.None);
                var answer = await response.Content.ReadAsStringAsync(CancellationToken.None);
                if (!response.IsSuccessStatusCode || !WebhookAccepted(answer))
                {
                    _failures.Enqueue($"{from}: {(int)response.StatusCode} {answer}");
                    continue;
                }

                Volatile.Write(ref _lastFrom, from);
                Interlocked.Increment(ref _posted);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped between two messages.
        }
    }

    private static bool WebhookAccepted(string answer)
    {
        using var json = JsonDocument.Parse(answer);
        return json.RootElement.TryGetProperty("webhookStatus", out var status)
            && status.ValueKind == JsonValueKind.Number
            && status.GetInt32() == 200;
    }
}
