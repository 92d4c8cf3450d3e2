using System.Text;
using Messaging.Application.Common.Interfaces;
using Messaging.Application.Events;

namespace Messaging.Api.FunctionalTests;

/// <summary>What the webhook tests do through the API, as a client with the <c>webhooks:manage</c> scope would.</summary>
public static class WebhookApi
{
    public const string Path = "/api/webhook-subscriptions";

    /// <summary>Subscribes <paramref name="url"/>; fails the test unless the answer is 201 with a secret.</summary>
    public static async Task<(string Id, string Secret)> SubscribeAsync(HttpClient client, string url, params string[] eventTypes)
    {
        using var response = await client.PostAsJsonAsync(Path, new { url, eventTypes });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        var created = JsonNode.Parse(body)!;
        return (created["id"]!.GetValue<string>(), created["secret"]!.GetValue<string>());
    }

    /// <summary>
    /// Rotates the subscription's secret, with <paramref name="json"/> as the body (none when null); fails the test unless
    /// the answer is 200 with a secret.
    /// </summary>
    public static async Task<JsonObject> RotateAsync(HttpClient client, string id, string? json = null)
    {
        using var content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri($"{Path}/{id}/secret", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var rotated = JsonNode.Parse(body)!.AsObject();
        Assert.That(rotated["secret"]?.GetValue<string>(), Does.StartWith("whsec_"), body);
        return rotated;
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(new Uri($"{Path}/{id}", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The subscription's deliveries, newest first, as the first page of up to 200 lists them.</summary>
    public static async Task<IReadOnlyList<JsonObject>> DeliveriesAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(new Uri($"{Path}/{id}/deliveries?limit=200", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return [.. page["items"]!.AsArray().Select(item => item!.AsObject())];
    }

    /// <summary>A customer's message, as Twilio posts it: one <c>message.received</c> and one <c>conversation.updated</c>.</summary>
    public static async Task ReceiveAsync(HttpClient client, int customer, string text)
    {
        var digits = (14155550100L + customer).ToString(CultureInfo.InvariantCulture);
        var fields = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid(), text);
        fields["From"] = "whatsapp:+" + digits;
        fields["WaId"] = digits;
        using var response = await client.PostSigned(TwilioWebhooks.InboundPath, fields);
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every event the outbox holds, in position order.</summary>
    public static async Task<IReadOnlyList<StoredEvent>> OutboxAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IEventLog>().ReadAfter(0, 10_000, CancellationToken.None);
    }
}
