namespace Messaging.Application.Messages.UnknownOutcomes;

/// <summary>
/// The <c>UnknownOutcomes</c> configuration section: when <see cref="UnknownOutcomeReconciler"/> looks up sends whose
/// outcome is unknown, and when it gives up on them.
/// </summary>
public sealed class UnknownOutcomeOptions
{
    public const string SectionName = "UnknownOutcomes";

    /// <summary>How old a send must be before it is looked up at Twilio; its callbacks usually name it first.</summary>
    public int LookUpAfterSeconds { get; set; } = 60;

    /// <summary>How long after the send one that Twilio does not list becomes failed.</summary>
    public int GiveUpAfterMinutes { get; set; } = 15;

    /// <summary>Time between two rounds of look-ups.</summary>
    public int IntervalSeconds { get; set; } = 30;

    /// <summary>At most this many messages are looked up per round (one Twilio list call each).</summary>
    public int BatchSize { get; set; } = 50;

    public TimeSpan LookUpAfter => TimeSpan.FromSeconds(LookUpAfterSeconds);

    public TimeSpan GiveUpAfter => TimeSpan.FromMinutes(GiveUpAfterMinutes);

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);
}
