using System.Text.Json.Serialization;

namespace Messaging.TwilioEmulator;

/// <summary>
/// A content template as the Content API writes it: with <c>url</c> and <c>links</c> from <c>/v1/Content</c>, with
/// <c>approval_requests</c> instead from <c>/v1/ContentAndApprovals</c>.
/// </summary>
internal sealed record ContentResourceJson
{
    public required string DateCreated { get; init; }

    public required string DateUpdated { get; init; }

    public required string Sid { get; init; }

    public required string AccountSid { get; init; }

    public required string FriendlyName { get; init; }

    public required string Language { get; init; }

    public required IReadOnlyDictionary<string, string> Variables { get; init; }

    public required IReadOnlyDictionary<string, object> Types { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Links { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ApprovalJson? ApprovalRequests { get; init; }
}
