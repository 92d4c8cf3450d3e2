namespace Messaging.Api.Authorization;

/// <summary>What an API key may do.</summary>
public static class ApiScopes
{
    public const string MessagesSend = "messages:send";

    public const string MessagesRead = "messages:read";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { MessagesSend, MessagesRead };
}
