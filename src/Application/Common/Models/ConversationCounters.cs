namespace Messaging.Application.Common.Models;

/// <summary>A conversation's stored row without its newest message: what a new message changes.</summary>
public sealed record ConversationCounters(
    string Contact,
    string? ProfileName,
    Guid LastMessageId,
    DateTimeOffset LastActivityAt,
    int MessageCount,
    DateTimeOffset? LastInboundAt);
