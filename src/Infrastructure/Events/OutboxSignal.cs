namespace Messaging.Infrastructure.Events;

/// <summary>
/// Tells this instance's readers of the outbox that events were committed here, so they read them at once instead of
/// at their next round. Events committed by other instances are found by those rounds.
/// </summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes at the next commit with events. Take it before reading the outbox, then wait on it when the read found
    /// nothing new: a commit between the read and the wait still ends the wait.
    /// </summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Called after a commit that wrote events.</summary>
    public void Committed()
    {
        var fired = Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        fired.TrySetResult();
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
