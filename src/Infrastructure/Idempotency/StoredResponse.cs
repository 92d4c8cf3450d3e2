namespace Messaging.Infrastructure.Idempotency;

/// <summary>A response as the client first received it, kept to be replayed byte for byte.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, string Body);
