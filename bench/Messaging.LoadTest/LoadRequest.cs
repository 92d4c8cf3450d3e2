namespace Messaging.LoadTest;

/// <summary>One prepared HTTP request: its id (how the answer is matched to it) and its bytes as sent.</summary>
internal sealed record LoadRequest(long Id, byte[] Bytes);
