namespace Messaging.Infrastructure.Idempotency;

/// <summary>One idempotency key of one API key: the request it was first used for and, once known, the response.</summary>
internal sealed class IdempotencyRecord
{
    public IdempotencyRecord(Guid id, string owner, string key, string fingerprint, DateTimeOffset createdAt)
    {
        Id = id;
        Owner = owner;
        Key = key;
        Fingerprint = fingerprint;
        CreatedAt = createdAt;
        State = IdempotencyRecordState.InFlight;
    }

    public Guid Id { get; private set; }

    /// <summary>The name of the API key that used the idempotency key; keys of different clients never collide.</summary>
    public string Owner { get; private set; }

    public string Key { get; private set; }

    /// <summary>Hex SHA-256 of the normalised request.</summary>
    public string Fingerprint { get; private set; }

    public IdempotencyRecordState State { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public int? ResponseStatusCode { get; private set; }

    public string? ResponseContentType { get; private set; }

    public string? ResponseLocation { get; private set; }

    public string? ResponseBody { get; private set; }
}
