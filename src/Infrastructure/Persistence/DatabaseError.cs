namespace Messaging.Infrastructure.Persistence;

/// <summary>What a provider's error code says about a failed write, as far as the code acts on it.</summary>
internal enum DatabaseError
{
    /// <summary>Nothing the code recovers from: the exception goes on as it is.</summary>
    Other,

    /// <summary>A unique index refused the row: another writer stored it first.</summary>
    UniqueViolation,

    /// <summary>The database gave up on the transaction to settle a conflict with another process; running it again succeeds.</summary>
    Transient,
}
