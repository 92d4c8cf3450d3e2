namespace Messaging.Infrastructure.Persistence;

/// <summary>What the <see cref="DatabaseWriter"/> has done since it started.</summary>
/// <param name="Batches">Transactions run to their end: committed, or rolled back because their only unit failed.</param>
/// <param name="Units">Units of work those transactions carried.</param>
/// <param name="LargestBatch">The most units one transaction carried.</param>
/// <param name="Retries">Transactions the database aborted to settle a conflict (a deadlock, a lock held elsewhere), then run again.</param>
/// <param name="Isolated">Transactions that failed as a whole, whose units were then run one transaction each.</param>
internal sealed record DatabaseWriterStatistics(long Batches, long Units, int LargestBatch, long Retries, long Isolated);
