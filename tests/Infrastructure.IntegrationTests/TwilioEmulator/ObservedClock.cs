namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

/// <summary>
/// A fake clock that shows the waits registered on it: a test waits until the emulator has started waiting, and reads
/// whether a wait has ended, instead of sleeping in the hope that it has. A due wait ends inside <see cref="FakeTimeProvider.Advance"/>,
/// so after it returns the count is exact.
/// </summary>
internal sealed class ObservedClock(DateTimeOffset start, TimeSpan observedWait) : FakeTimeProvider(start)
{
    private int _registered;
    private int _ended;

    /// <summary>How many waits of the observed length have ended.</summary>
    public int Ended => Volatile.Read(ref _ended);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != observedWait)
        {
            return base.CreateTimer(callback, state, dueTime, period);
        }

        var timer = base.CreateTimer(
            value =>
            {
                Interlocked.Increment(ref _ended);
                callback(value);
            },
            state,
            dueTime,
            period);
        Interlocked.Increment(ref _registered);
        return timer;
    }

    public Task WaitForRegisteredAsync(int count) =>
        Eventually.TrueAsync(() => Volatile.Read(ref _registered) >= count, $"{count} wait(s) of {observedWait} on the clock");
}
