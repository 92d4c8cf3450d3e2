namespace Messaging.Api.Idempotency;

public static class IdempotencyHeaders
{
    /// <summary>The request header, as in the IETF draft "The Idempotency-Key HTTP Header Field".</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>Set to <c>true</c> on a response that repeats the recorded outcome of an earlier request.</summary>
    public const string Replayed = "Idempotent-Replayed";

    public const int MaxKeyLength = 255;
}
