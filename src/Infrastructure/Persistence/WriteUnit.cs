using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Messaging.Infrastructure.Events;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// One caller's work queued for the <see cref="DatabaseWriter"/>, and the caller's wait for its outcome. The outcome
/// is held back until the transaction that carries the work has committed, so a caller never hears of a write that
/// could still be lost.
/// </summary>
internal sealed class WriteUnit(Func<CancellationToken, Task<object?>> work)
{
    private const int Queued = 0;
    private const int Started = 1;
    private const int Withdrawn = 2;

    private readonly Func<CancellationToken, Task<object?>> _work = work;
    private readonly TaskCompletionSource<object?> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _withdrawal;
    private int _state;
    private object? _result;
    private ExceptionDispatchInfo? _failure;

    /// <summary>The trace of the request that queued the unit, for the span of the transaction that commits it.</summary>
    public ActivityContext TraceContext { get; } = Activity.Current?.Context ?? default;

    /// <summary>Completes once the unit's transaction has committed (or the unit failed or was withdrawn).</summary>
    public Task<object?> Outcome => _outcome.Task;

    /// <summary>Whether the unit's own work threw, as opposed to the transaction around it failing.</summary>
    public bool FailedOnItsOwn { get; private set; }

    /// <summary>Lets <paramref name="cancellationToken"/> withdraw the unit for as long as it has not started.</summary>
    public void WithdrawOn(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _withdrawal = cancellationToken.Register(
                static (state, token) => ((WriteUnit)state!).Withdraw(token), this);
        }
    }

    /// <summary>Claims the unit for a batch; false when its caller withdrew it first.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;

    /// <summary>Runs the work; once started it is not cancelable, so that it never breaks off inside a shared transaction.</summary>
    public Task<object?> RunAsync()
    {
        _result = null;
        _failure = null;
        Events = [];
        FailedOnItsOwn = false;
        return _work(CancellationToken.None);
    }

    /// <summary>The events the unit's last run recorded, to be written with its transaction.</summary>
    public IReadOnlyList<PendingEvent> Events { get; private set; } = [];

    public void Succeeded(object? result, IReadOnlyList<PendingEvent> events)
    {
        _result = result;
        Events = events;
    }

    public void FailedWith(Exception exception)
    {
        _failure = ExceptionDispatchInfo.Capture(exception);
        Events = [];
        FailedOnItsOwn = true;
    }

    /// <summary>The transaction carrying the unit failed: whatever the work returned was never committed.</summary>
    public void LostWith(Exception exception)
    {
        if (!FailedOnItsOwn)
        {
            _failure = ExceptionDispatchInfo.Capture(exception);
        }
    }

    /// <summary>Tells the caller the outcome; called once the transaction has committed or failed for good.</summary>
    public void Publish()
    {
        _withdrawal.Dispose();
        if (_failure is null)
        {
            _outcome.TrySetResult(_result);
        }
        else
        {
            _outcome.TrySetException(_failure.SourceException);
        }
    }

    /// <summary>Fails a unit that never ran, e.g. because the writer stopped.</summary>
    public void Abandon(Exception exception)
    {
        _withdrawal.Dispose();
        _outcome.TrySetException(exception);
    }

    private void Withdraw(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Withdrawn, Queued) == Queued)
        {
            _outcome.TrySetCanceled(cancellationToken);
        }
    }
}
