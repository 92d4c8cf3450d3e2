namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// Where a repository's statements run. Inside a unit of work the <see cref="DatabaseWriter"/> is running: on the
/// unit's context, in its transaction, so the unit sees its own writes. Inside a transaction the caller holds on the
/// request's context: there, as part of it. Otherwise a write is queued as a unit of its own, and a read runs on the
/// request's context, alongside the writer.
/// </summary>
internal static class WriteRoute
{
    public static MessagingDbContext ReadContext(MessagingDbContext requestContext) =>
        WriteSession.Current?.Context ?? requestContext;

    public static Task<T> Write<T>(
        MessagingDbContext requestContext,
        DatabaseWriter? writer,
        Func<MessagingDbContext, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        if (WriteSession.Current is { } session)
        {
            return work(session.Context, cancellationToken);
        }

        if (requestContext.Database.CurrentTransaction is not null)
        {
            return work(requestContext, cancellationToken);
        }

        if (writer is null)
        {
            throw new InvalidOperationException(
                "Without the database writer, writes run only inside a transaction the caller holds on the context.");
        }

        return writer.Execute(token => work(WriteSession.Current!.Context, token), cancellationToken);
    }
}
