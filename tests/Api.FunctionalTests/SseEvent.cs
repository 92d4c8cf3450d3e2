namespace Messaging.Api.FunctionalTests;

/// <summary>One Server-Sent Event as a client reads it: its name, data and id.</summary>
public sealed record SseEvent(string Name, string Data, string? Id)
{
    /// <summary>The event's position: its SSE id.</summary>
    public long Position => long.Parse(Id ?? throw new InvalidOperationException($"The {Name} event has no id."), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The event as the outbox sends it: id, type, position, occurredAt and data.</summary>
    public JsonNode Envelope => JsonNode.Parse(Data) ?? throw new InvalidOperationException($"The {Name} event has no data.");
}
