using System.Text.Json;
using System.Text.Json.Serialization;

namespace Messaging.Application.Events;

/// <summary>How events are written: as the API writes its answers, so an event's data reads like the resource it names.</summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the API's conventions (camelCase, enums as camelCase strings, nulls written) to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return options;
    }
}
