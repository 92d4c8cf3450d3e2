namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// The one row of a table that holds a position in the outbox. The migrations seed it at position 0, so it is always
/// there to be updated and no instance ever has to insert it.
/// </summary>
internal abstract class PositionRow
{
    public const int RowId = 1;

    public int Id { get; set; }

    public long Position { get; set; }
}
