namespace Messaging.Application.Messages.PendingStatuses;

/// <summary>
/// Applies statuses Twilio reported before their message was stored. Both sides of the race call
/// <see cref="ApplyPending"/> after their own write: the status callback after storing the pending status, the save
/// after inserting the message. Since each writes before it reads, at least one of them sees the other's write, so a
/// status is never dropped; when both see it, applying it twice changes nothing because statuses only move forward.
/// </summary>
public sealed class PendingStatusReconciler(IMessageRepository messages, IPendingStatusUpdateRepository pending, TimeProvider timeProvider)
{
    private readonly IPendingStatusUpdateRepository _pending = pending;

    /// <summary>
    /// Applies every status kept for <paramref name="waSid"/> to its message and removes them. Returns the message as
    /// stored afterwards, or null when nothing is pending or the message is not stored yet (the statuses then stay
    /// pending for the save to apply).
    /// </summary>
    public async Task<Message?> ApplyPending(string waSid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(waSid);

        var pending = await _pending.ListFor(waSid, cancellationToken);
        if (pending.Count == 0)
        {
            return null;
        }

        var at = timeProvider.GetUtcNow();
        var message = await messages.Update(
            waSid,
            message =>
            {
                var changed = false;
                foreach (var update in pending)
                {
                    changed |= update.ApplyTo(message, at);
                }

                return changed;
            },
            cancellationToken);
        if (message is null)
        {
            return null;
        }

        // Only the statuses read above: one stored meanwhile is applied by the callback that stored it.
        await _pending.Remove([.. pending.Select(p => p.Id)], cancellationToken);
        return message;
    }
}
