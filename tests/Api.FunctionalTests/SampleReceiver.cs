using System.Text.Json;
using Messaging.WebhookSignatures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// The README's sample receiver: the lines between the markers are the README's, word for word
/// (<see cref="ReadmeSampleReceiverTests"/> holds them to it), and every webhook test receives through them.
/// </summary>
public static class SampleReceiver
{
    public const string Path = "/messaging-events";
    public const string SecretSetting = "Messaging:WebhookSecret";

    public static void Map(WebApplication app, Action<JsonElement> handle)
    {
        // <sample-receiver>
        var secret = app.Configuration["Messaging:WebhookSecret"]!;
        var seen = new ConcurrentDictionary<Guid, bool>(); // in production: a table keyed by the event id

        app.MapPost("/messaging-events", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var signature = request.Headers[WebhookHeaders.Signature].ToString();
            if (!WebhookSignature.Verify(secret, signature, body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)))
            {
                return Results.Unauthorized();
            }

            using var json = JsonDocument.Parse(body);
            if (seen.TryAdd(json.RootElement.GetProperty("id").GetGuid(), true))
            {
                handle(json.RootElement.Clone()); // your code: "type", "position", "occurredAt", "data"
            }

            return Results.Ok(); // a 2xx, also for an event seen before, ends the retries
        });
        // </sample-receiver>
    }
}
