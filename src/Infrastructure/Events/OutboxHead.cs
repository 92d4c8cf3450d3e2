using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.Events;

/// <summary>
/// The outbox's one counter row: the highest position given so far. A transaction takes its positions from it just
/// before it commits and holds the row until then, so positions become visible in the order they were given.
/// </summary>
internal sealed class OutboxHead : PositionRow;
