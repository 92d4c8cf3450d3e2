namespace Messaging.LoadTest;

/// <summary>The body of a send, as the service's <c>POST /api/messages</c> takes it.</summary>
internal sealed record FloorSend(string? To, string? Body, string? ContentSid, Dictionary<string, string>? ContentVariables);
