namespace Messaging.Infrastructure.Events;

/// <summary>The outbox's settings in the <c>Events</c> configuration section.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Events";

    public const int DefaultRetentionDays = 7;

    public const int DefaultPurgeIntervalMinutes = 60;

    public const int DefaultPollIntervalMilliseconds = 1000;

    /// <summary>
    /// How long events are kept (default 7 days): a listener can resume after an absence this long, and a webhook
    /// can be redelivered within it. At least 1.
    /// </summary>
    public int RetentionDays { get; set; } = DefaultRetentionDays;

    /// <summary>How often older events are deleted.</summary>
    public int PurgeIntervalMinutes { get; set; } = DefaultPurgeIntervalMinutes;

    /// <summary>
    /// How often each instance looks for events committed by other instances (default 1,000 ms), and so the longest
    /// such an event waits before its listeners on this instance hear of it. Events committed by this instance are
    /// read at once. An idle instance costs the database one indexed query per interval.
    /// </summary>
    public int PollIntervalMilliseconds { get; set; } = DefaultPollIntervalMilliseconds;

    internal TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollIntervalMilliseconds);
}
