namespace Messaging.Infrastructure.Persistence;

/// <summary>Units of work run by the <see cref="DatabaseWriter"/>.</summary>
internal sealed class QueuedUnitOfWork(DatabaseWriter writer, MessagingDbContext context) : IUnitOfWork
{
    public Task<T> Run<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (WriteSession.Current is { } session)
        {
            return session.RunNested(work);
        }

        // A caller that holds its own transaction on this request's context keeps everything in that transaction.
        if (context.Database.CurrentTransaction is not null)
        {
            return work(cancellationToken);
        }

        return writer.Execute(work, cancellationToken);
    }
}
