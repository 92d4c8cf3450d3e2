namespace Messaging.Api.Events;

/// <summary>The <c>Events</c> configuration section.</summary>
public sealed class EventStreamOptions
{
    public const string SectionName = "Events";

    public const int DefaultMaxStreamsPerKey = 10;

    /// <summary>
    /// How many event streams one API key may hold open on one instance at once (default 10); one more is answered 429.
    /// A dashboard holds one per open tab.
    /// </summary>
    public int MaxStreamsPerKey { get; set; } = DefaultMaxStreamsPerKey;
}
