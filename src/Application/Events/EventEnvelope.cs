using System.Text;
using System.Text.Json;

namespace Messaging.Application.Events;

/// <summary>
/// An event as listeners and webhook receivers get it, the same everywhere:
/// <c>{"id":…,"type":…,"position":…,"occurredAt":…,"data":{…}}</c>.
/// </summary>
public static class EventEnvelope
{
    public static string ToJson(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        using var buffer = new MemoryStream(stored.Data.Length + 160);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", stored.Id);
            writer.WriteString("type", stored.Type);
            writer.WriteNumber("position", stored.Position);
            writer.WriteString("occurredAt", stored.OccurredAt);
            writer.WritePropertyName("data");
            writer.WriteRawValue(stored.Data, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
