using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Fails the next commits, as many as it is armed for, with an <see cref="InjectedTransientFailure"/>: before they reach
/// the database (<see cref="FailNext"/>), or after they succeeded there, as when the connection drops before the answer
/// to COMMIT arrives (<see cref="LoseNextAnswers"/>).
/// </summary>
internal sealed class FailingCommitInterceptor : DbTransactionInterceptor
{
    private int _failures;
    private int _lostAnswers;

    /// <summary>Commits attempted since the last <see cref="FailNext"/>.</summary>
    public int Commits { get; private set; }

    public void FailNext(int commits)
    {
        Commits = 0;
        Volatile.Write(ref _failures, commits);
    }

    public void LoseNextAnswers(int commits) => Volatile.Write(ref _lostAnswers, commits);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Interlocked.Decrement(ref _lostAnswers) >= 0 ? throw new InjectedTransientFailure() : Task.CompletedTask;

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction,
        TransactionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Commits++;
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new InjectedTransientFailure();
        }

        return ValueTask.FromResult(result);
    }
}
