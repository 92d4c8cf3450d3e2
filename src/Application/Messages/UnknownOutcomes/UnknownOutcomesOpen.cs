using Messaging.Application.Common.Diagnostics;

namespace Messaging.Application.Messages.UnknownOutcomes;

/// <summary>
/// How many messages the database holds with an unknown send outcome, as counted after the reconciler's last round,
/// published as <c>messaging.messages.unknown_open</c>. The count is the database's, so every instance reports the same
/// number: a dashboard takes the maximum over instances, not the sum.
/// </summary>
public sealed class UnknownOutcomesOpen
{
    private long _count;

    public UnknownOutcomesOpen(MessagingTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        telemetry.ObserveUnknownOutcomesOpen(() => Interlocked.Read(ref _count));
    }

    public long Count => Interlocked.Read(ref _count);

    public void Set(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Interlocked.Exchange(ref _count, count);
    }
}
