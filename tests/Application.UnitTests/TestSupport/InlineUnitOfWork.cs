namespace Messaging.Application.UnitTests.TestSupport;

/// <summary>
/// Runs each unit of work at once, as the database writer does when nothing else is queued: a caller that has already
/// canceled gets nothing done, and work that has started cannot be canceled.
/// </summary>
public sealed class InlineUnitOfWork : IUnitOfWork
{
    public int Units { get; private set; }

    public Task<T> Run<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Units++;
        return work(CancellationToken.None);
    }
}
