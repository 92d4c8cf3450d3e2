namespace Messaging.Application.Common.Models;

/// <summary>A conversation as stored: its counters and its newest message.</summary>
public sealed record ConversationSummary(
    string Contact,
    string? ProfileName,
    Message LastMessage,
    DateTimeOffset LastActivityAt,
    int MessageCount,
    DateTimeOffset? LastInboundAt);
