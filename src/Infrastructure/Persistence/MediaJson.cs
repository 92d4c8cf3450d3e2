using System.Buffers;
using System.Text;
using System.Text.Json;
using Messaging.Domain.Messages;

namespace Messaging.Infrastructure.Persistence;

/// <summary>A message's media as the JSON document EF Core keeps in the Media column, for statements written by hand.</summary>
internal static class MediaJson
{
    public static string Write(IReadOnlyList<MessageMedia> media)
    {
        if (media.Count == 0)
        {
            return "[]";
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var medium in media)
            {
                json.WriteStartObject();
                json.WriteString(MessageConfiguration.MediaUrlJsonName, medium.Url);
                json.WriteString(MessageConfiguration.MediaContentTypeJsonName, medium.ContentType);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
