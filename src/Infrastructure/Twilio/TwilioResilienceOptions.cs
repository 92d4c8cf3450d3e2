namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// The <c>Twilio:Resilience</c> configuration section: how long a call to Twilio may take and which failures are tried
/// again. A message create is retried only where Twilio certainly did not create it (see
/// <see cref="TwilioRetryPredicate"/>).
/// </summary>
public sealed class TwilioResilienceOptions
{
    public const string SectionName = "Twilio:Resilience";

    /// <summary>How long one attempt may wait for Twilio's answer. A create that times out has an unknown outcome.</summary>
    public int AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>How long a call may take with all its retries and waits.</summary>
    public int TotalTimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after the first attempt (0 turns retries off).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry, doubled (with jitter) for each one after, unless Twilio says <c>Retry-After</c>.</summary>
    public int RetryDelayMilliseconds { get; set; } = 2000;

    /// <summary>
    /// The longest <c>Retry-After</c> a 429 may ask for and still be waited out; a longer one fails the call at once,
    /// with nothing sent.
    /// </summary>
    public int MaxRetryAfterSeconds { get; set; } = 10;

    internal TimeSpan AttemptTimeout => TimeSpan.FromSeconds(AttemptTimeoutSeconds);

    internal TimeSpan TotalTimeout => TimeSpan.FromSeconds(TotalTimeoutSeconds);

    internal TimeSpan RetryDelay => TimeSpan.FromMilliseconds(RetryDelayMilliseconds);

    internal TimeSpan MaxRetryAfter => TimeSpan.FromSeconds(MaxRetryAfterSeconds);
}
