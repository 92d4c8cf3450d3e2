namespace Messaging.Domain.Messages;

/// <summary>
/// Twilio reports statuses out of order and more than once; a message's status may only move forward,
/// so a late <c>sent</c> never overwrites <c>read</c>.
/// </summary>
public static class MessageStatusRules
{
    /// <summary>
    /// True when a message in <paramref name="current"/> should take <paramref name="next"/>.
    /// </summary>
    public static bool CanAdvance(MessageStatus current, MessageStatus next)
    {
        if (current == next || IsFinal(current) || IsInbound(current) != IsInbound(next))
        {
            return false;
        }

        return next switch
        {
            // A message that reached the handset cannot fail afterwards.
            MessageStatus.Failed or MessageStatus.Undelivered => Rank(current) < Rank(MessageStatus.Delivered),
            // Only a message not yet handed to the carrier can be canceled.
            MessageStatus.Canceled => Rank(current) <= Rank(MessageStatus.Queued),
            _ => Rank(next) > Rank(current),
        };
    }

    /// <summary>True for statuses after which nothing changes a message any more.</summary>
    public static bool IsFinal(MessageStatus status) => status is
        MessageStatus.Read or MessageStatus.Failed or MessageStatus.Undelivered
        or MessageStatus.Canceled or MessageStatus.Received;

    /// <summary>True for the statuses of a message sent from here.</summary>
    public static bool IsOutbound(MessageStatus status) => status is
        MessageStatus.Unknown or MessageStatus.Accepted or MessageStatus.Scheduled or MessageStatus.Queued
        or MessageStatus.Sending or MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Read
        or MessageStatus.Undelivered or MessageStatus.Failed or MessageStatus.Canceled;

    private static bool IsInbound(MessageStatus status) =>
        status is MessageStatus.Receiving or MessageStatus.Received;

    private static int Rank(MessageStatus status) => status switch
    {
        // Not a status Twilio reports: whatever Twilio says about the message is news.
        MessageStatus.Unknown => -1,
        MessageStatus.Accepted => 0,
        MessageStatus.Scheduled => 1,
        MessageStatus.Queued => 2,
        MessageStatus.Sending => 3,
        MessageStatus.Sent => 4,
        MessageStatus.Delivered => 5,
        MessageStatus.Read => 6,
        MessageStatus.Receiving => 0,
        MessageStatus.Received => 1,
        // Final failures rank past everything they can follow.
        MessageStatus.Undelivered or MessageStatus.Failed or MessageStatus.Canceled => 7,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
