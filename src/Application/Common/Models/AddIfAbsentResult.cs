using Messaging.Domain.Messages;

namespace Messaging.Application.Common.Models;

/// <summary>The stored message, and whether this call inserted it or found it already there.</summary>
public sealed record AddIfAbsentResult(Message Message, bool Inserted);
