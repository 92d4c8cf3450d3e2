using Messaging.Application.Events;

namespace Messaging.Infrastructure.Events;

/// <summary>
/// What <see cref="EventFeed.ReadAfter"/> found: the next events in order, or <see cref="Gap"/> when the events right
/// after the asked position were purged, so a reader that resumes from there would miss some.
/// </summary>
public sealed record EventFeedRead(IReadOnlyList<StoredEvent> Events, bool Gap);
