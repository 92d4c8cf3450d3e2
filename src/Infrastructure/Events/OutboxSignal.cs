using Messaging.Application.Events;

namespace Messaging.Infrastructure.Events;

/// <summary>
/// Hands the events this instance commits to its readers of the outbox at once, so that they need not read back what
/// was just written; events committed by other instances are found by the readers' own rounds.
/// </summary>
public sealed class OutboxSignal
{
    // Enough for every commit between two turns of a reader that keeps up; a reader that falls further behind (or an
    // instance with no reader) loses the oldest batches here and reads them from the outbox instead.
    private const int MaxBatches = 256;

    private readonly Queue<IReadOnlyList<StoredEvent>> _committed = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes at the next commit with events. Take it before reading the outbox, then wait on it when the read found
    /// nothing new: a commit between the read and the wait still ends the wait.
    /// </summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Called after a commit with the events it wrote, in position order.</summary>
    public void Committed(IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            if (_committed.Count == MaxBatches)
            {
                _committed.Dequeue();
            }

            _committed.Enqueue(events);
        }

        var fired = Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        fired.TrySetResult();
    }

    /// <summary>Takes the batches committed here since the last call, oldest first.</summary>
    public IReadOnlyList<IReadOnlyList<StoredEvent>> TakeCommitted()
    {
        lock (_gate)
        {
            if (_committed.Count == 0)
            {
                return [];
            }

            var batches = _committed.ToList();
            _committed.Clear();
            return batches;
        }
    }

    /// <summary>Waits for <paramref name="next"/> (see <see cref="Next"/>) or <paramref name="timeout"/>, whichever is first.</summary>
    public static async Task WaitAsync(Task next, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next.WaitAsync(timeout, timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The round is due.
        }
    }
}
