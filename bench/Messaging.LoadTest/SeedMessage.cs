namespace Messaging.LoadTest;

/// <summary>A message written straight into the service's tables by <see cref="MessageSeeder"/>.</summary>
internal sealed record SeedMessage(
    string Sid,
    bool Inbound,
    int Contact,
    string? Body,
    string? ProfileName,
    string Status,
    int? ErrorCode,
    DateTimeOffset CreatedAt,
    string? MediaJson);
