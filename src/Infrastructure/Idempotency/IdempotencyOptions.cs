namespace Messaging.Infrastructure.Idempotency;

/// <summary>The <c>Idempotency</c> configuration section.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>The shortest retention allowed: a client retrying for a day must never send twice.</summary>
    public const int MinimumRetentionHours = 24;

    /// <summary>How long a key and its outcome are kept; at least <see cref="MinimumRetentionHours"/>.</summary>
    public int RetentionHours { get; set; } = MinimumRetentionHours;

    /// <summary>How often expired keys are deleted.</summary>
    public int PurgeIntervalMinutes { get; set; } = 60;

    internal TimeSpan Retention => TimeSpan.FromHours(RetentionHours);
}
