using Microsoft.EntityFrameworkCore.Storage;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// A retrying execution strategy, as SQL Server's and PostgreSQL's are in production, for SQLite: like theirs it refuses
/// a transaction begun outside it, and it runs an operation again after an <see cref="InjectedTransientFailure"/>.
/// It counts the operations it was given and the times it ran one again.
/// </summary>
internal sealed class CountingRetryStrategy(ExecutionStrategyDependencies dependencies, CountingRetryStrategy.Counts counts)
    : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.Zero)
{
    internal sealed class Counts
    {
        private int _operations;
        private int _retries;

        public int Operations => Volatile.Read(ref _operations);

        public int Retries => Volatile.Read(ref _retries);

        public void Operation() => Interlocked.Increment(ref _operations);

        public void Retry() => Interlocked.Increment(ref _retries);
    }

    protected override void OnFirstExecution()
    {
        base.OnFirstExecution();
        counts.Operation();
    }

    protected override void OnRetry()
    {
        base.OnRetry();
        counts.Retry();
    }

    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        var delay = base.GetNextDelay(lastException);
        return delay is null ? null : TimeSpan.Zero;
    }

    protected override bool ShouldRetryOn(Exception exception) => exception is InjectedTransientFailure;
}
