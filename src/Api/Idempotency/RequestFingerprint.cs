using System.Security.Cryptography;
using System.Text.Json;

namespace Messaging.Api.Idempotency;

/// <summary>
/// A hash of what a request asks for, independent of how its JSON was written: the endpoint and the bound arguments,
/// serialised with every object's properties in ordinal order.
/// </summary>
internal static class RequestFingerprint
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    public static string Compute(string method, string route, IDictionary<string, object?> arguments)
    {
        var bound = arguments
            .Where(a => a.Value is not CancellationToken)
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        using var document = JsonSerializer.SerializeToDocument(bound, SerializerOptions);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("method", method.ToUpperInvariant());
            writer.WriteString("route", route);
            writer.WritePropertyName("arguments");
            WriteCanonical(writer, document.RootElement);
            writer.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
