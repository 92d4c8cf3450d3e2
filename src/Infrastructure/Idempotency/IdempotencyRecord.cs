namespace Messaging.Infrastructure.Idempotency;

/// <summary>One idempotency key of one API key: the request it was first used for and, once known, the response.</summary>
internal sealed class IdempotencyRecord(Guid id, string owner, string key, string fingerprint, DateTimeOffset createdAt)
{
    public Guid Id { get; private set; } = id;

    /// <summary>The name of the API key that used the idempotency key; keys of different clients never collide.</summary>
    public string Owner { get; private set; } = owner;

    public string Key { get; private set; } = key;

    /// <summary>Hex SHA-256 of the normalised request.</summary>
    public string Fingerprint { get; private set; } = fingerprint;

    public IdempotencyRecordState State { get; private set; } = IdempotencyRecordState.InFlight;

    public DateTimeOffset CreatedAt { get; private set; } = createdAt;

    public DateTimeOffset? CompletedAt { get; private set; }

    public int? ResponseStatusCode { get; private set; }

    public string? ResponseContentType { get; private set; }

    public string? ResponseLocation { get; private set; }

    public string? ResponseBody { get; private set; }
}
