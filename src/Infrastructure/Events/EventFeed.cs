using Messaging.Application.Events;
using Microsoft.Extensions.Hosting;

namespace Messaging.Infrastructure.Events;

/// <summary>
/// This instance's tail of the outbox: every event committed by any instance, in position order. What this instance
/// commits it takes straight from its writer, without reading it back; the outbox itself is read once per
/// <see cref="OutboxOptions.PollIntervalMilliseconds"/> (one indexed query when nothing happened), and at once when a
/// local commit shows that other instances' events lie before it. The most recent events are kept in memory;
/// listeners pull from it at their own pace: a listener that is close behind reads from memory, one further behind (a
/// reconnect, a slow client) reads the outbox, so nothing is dropped and a slow listener costs no memory.
/// </summary>
public sealed partial class EventFeed(
    IServiceScopeFactory scopeFactory,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<EventFeed> logger) : BackgroundService
{
    /// <summary>Events kept in memory, the newest: enough for every listener that keeps up, and for a short burst.</summary>
    public const int RecentCapacity = 4096;

    /// <summary>Events read from the outbox at once.</summary>
    public const int PageSize = 500;

    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly StoredEvent[] _recent = new StoredEvent[RecentCapacity];
    private int _first;
    private int _count;
    private long _last;
    private TaskCompletionSource _advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// The position of the last event this instance has read: a listener that starts here hears every event committed
    /// after it. Waits until the feed has started.
    /// </summary>
    public async Task<long> Last(CancellationToken cancellationToken)
    {
        await _started.Task.WaitAsync(cancellationToken);
        lock (_gate)
        {
            return _last;
        }
    }

    /// <summary>
    /// The events after <paramref name="position"/>, up to <paramref name="limit"/>, once there are any; waits until an
    /// event after it is committed (or <paramref name="cancellationToken"/> fires).
    /// </summary>
    public async Task<EventFeedRead> ReadAfter(long position, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await _started.Task.WaitAsync(cancellationToken);
        while (true)
        {
            Task advanced;
            lock (_gate)
            {
                advanced = _advanced.Task;
                if (position < _last)
                {
                    if (Recent(position, limit) is { } recent)
                    {
                        return new EventFeedRead(recent, Gap: false);
                    }

                    break;
                }
            }

            await advanced.WaitAsync(cancellationToken);
        }

        // Further behind than memory holds: the outbox has them, unless they were purged.
        await using var scope = scopeFactory.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<IEventLog>().ReadAfter(position, limit, cancellationToken);
        return new EventFeedRead(events, Gap: events.Count == 0 || events[0].Position != position + 1);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        long last;
        while (true)
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                last = await scope.ServiceProvider.GetRequiredService<IEventLog>().Head(stoppingToken);
                break;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogReadFailed(logger, exception);
                await Task.Delay(interval, timeProvider, stoppingToken);
            }
        }

        lock (_gate)
        {
            _last = last;
        }

        _started.TrySetResult();
        var lastRead = timeProvider.GetTimestamp();
        var more = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = signal.Next;

            // What this instance committed comes straight from its writer; the outbox is read when other instances'
            // events lie in between, and once per interval in any case.
            var mustRead = more || timeProvider.GetElapsedTime(lastRead) >= interval;
            foreach (var batch in signal.TakeCommitted())
            {
                if (mustRead || batch[^1].Position <= last)
                {
                    continue;
                }

                if (batch[0].Position != last + 1)
                {
                    mustRead = true;
                    continue;
                }

                Append(batch);
                last = batch[^1].Position;
            }

            var read = 0;
            if (mustRead)
            {
                lastRead = timeProvider.GetTimestamp();
                try
                {
                    await using var scope = scopeFactory.CreateAsyncScope();
                    var events = await scope.ServiceProvider.GetRequiredService<IEventLog>().ReadAfter(last, PageSize, stoppingToken);
                    read = events.Count;
                    if (read > 0)
                    {
                        last = events[^1].Position;
                        Append(events);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A database that is briefly unavailable: the next round reads from the same position.
                    LogReadFailed(logger, exception);
                }
            }

            more = read == PageSize;
            if (!more)
            {
                var untilNextRound = interval - timeProvider.GetElapsedTime(lastRead);
                await OutboxSignal.WaitAsync(next, untilNextRound > TimeSpan.Zero ? untilNextRound : TimeSpan.Zero, timeProvider, stoppingToken);
            }
        }
    }

    private void Append(IReadOnlyList<StoredEvent> events)
    {
        TaskCompletionSource advanced;
        lock (_gate)
        {
            foreach (var stored in events)
            {
                if (_count < RecentCapacity)
                {
                    _recent[(_first + _count) % RecentCapacity] = stored;
                    _count++;
                }
                else
                {
                    _recent[_first] = stored;
                    _first = (_first + 1) % RecentCapacity;
                }
            }

            _last = events[^1].Position;
            advanced = _advanced;
            _advanced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        advanced.TrySetResult();
    }

    // Called holding the gate; null unless the event right after position is in memory.
    private List<StoredEvent>? Recent(long position, int limit)
    {
        if (_count == 0 || _recent[_first].Position > position + 1)
        {
            return null;
        }

        var offset = (int)(position + 1 - _recent[_first].Position);
        if (offset >= _count || _recent[(_first + offset) % RecentCapacity].Position != position + 1)
        {
            return null;
        }

        var take = Math.Min(limit, _count - offset);
        var events = new List<StoredEvent>(take);
        for (var i = 0; i < take; i++)
        {
            events.Add(_recent[(_first + offset + i) % RecentCapacity]);
        }

        return events;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the event outbox failed; trying again at the next round")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
