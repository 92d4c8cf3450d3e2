using System.Diagnostics;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

/// <summary>
/// Counts the hosts built in the async context that called <see cref="Watch"/>, the way WebApplicationFactory finds the
/// host of the application it tests: through the hosting diagnostic events, filtered by an async-local marker.
/// </summary>
internal sealed class HostBuildWatcher : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<HostBuildWatcher?> Current = new();

    private readonly IDisposable _listeners;
    private readonly List<IDisposable> _subscriptions = [];
    private int _built;

    private HostBuildWatcher() => _listeners = DiagnosticListener.AllListeners.Subscribe(this);

    public int Built => Volatile.Read(ref _built);

    /// <summary>Starts watching; what the caller and its awaits build from here on is counted.</summary>
    public static HostBuildWatcher Watch()
    {
        var watcher = new HostBuildWatcher();
        Current.Value = watcher;
        return watcher;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (Current.Value == this && value.Name == "Microsoft.Extensions.Hosting")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Current.Value == this && value.Key == "HostBuilt")
        {
            Interlocked.Increment(ref _built);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _listeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
