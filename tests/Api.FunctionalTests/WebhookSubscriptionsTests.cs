using System.Text.RegularExpressions;

namespace Messaging.Api.FunctionalTests;

/// <summary>Creating, reading and deleting subscriptions, under the rules of a deployment (https, public addresses).</summary>
public sealed partial class WebhookSubscriptionsTests : ApiFixture
{
    private const string PublicUrl = "https://8.8.8.8/hooks/messaging";

    protected override MessagingApiFactory CreateFactory() =>
        new(new Dictionary<string, string?> { ["Webhooks:MaxSubscriptions"] = "2" });

    [Test]
    public async Task A_subscription_is_created_with_a_secret_shown_only_then()
    {
        using var client = Factory.CreateClient(TestApiKeys.Webhooks);

        using var response = await client.PostAsJsonAsync(WebhookApi.Path, new { url = PublicUrl, eventTypes = new[] { "message.received", "message.status_changed" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = created["id"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo($"{WebhookApi.Path}/{id}"));
            Assert.That(created["url"]!.GetValue<string>(), Is.EqualTo(PublicUrl));
            Assert.That(created["eventTypes"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "message.received", "message.status_changed" }));
            Assert.That(created["status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(created["createdAt"], Is.Not.Null);
            Assert.That(created["disabledAt"], Is.Null);
            Assert.That(created["secret"]!.GetValue<string>(), Does.Match(SecretShape()));
        });

        var listed = JsonNode.Parse(await client.GetStringAsync(new Uri(WebhookApi.Path, UriKind.Relative)))!.AsArray();
        var fetched = await WebhookApi.GetAsync(client, id);
        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(s => s!["id"]!.GetValue<string>()), Is.EqualTo(new[] { id }));
            Assert.That(listed[0]!.AsObject().ContainsKey("secret"), Is.False);
            Assert.That(fetched.ContainsKey("secret"), Is.False);
            Assert.That(fetched["url"]!.GetValue<string>(), Is.EqualTo(PublicUrl));
        });
    }

    [Test]
    public async Task Two_subscriptions_get_different_secrets()
    {
        using var client = Factory.CreateClient(TestApiKeys.Webhooks);

        var first = await WebhookApi.SubscribeAsync(client, PublicUrl, "message.received");
        var second = await WebhookApi.SubscribeAsync(client, PublicUrl, "message.received");

        Assert.That(second.Secret, Is.Not.EqualTo(first.Secret));
    }

    [Test]
    public async Task A_deleted_subscription_is_gone()
    {
        using var client = Factory.CreateClient(TestApiKeys.Webhooks);
        var (id, _) = await WebhookApi.SubscribeAsync(client, PublicUrl, "message.sent");

        using var deleted = await client.DeleteAsync(new Uri($"{WebhookApi.Path}/{id}", UriKind.Relative));
        using var fetched = await client.GetAsync(new Uri($"{WebhookApi.Path}/{id}", UriKind.Relative));
        using var again = await client.DeleteAsync(new Uri($"{WebhookApi.Path}/{id}", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(fetched.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task No_more_subscriptions_than_configured_can_exist()
    {
        using var client = Factory.CreateClient(TestApiKeys.Webhooks);
        await WebhookApi.SubscribeAsync(client, PublicUrl, "message.sent");
        var (second, _) = await WebhookApi.SubscribeAsync(client, PublicUrl, "message.sent");

        using var third = await client.PostAsJsonAsync(WebhookApi.Path, new { url = PublicUrl, eventTypes = new[] { "message.sent" } });
        var problem = JsonNode.Parse(await third.Content.ReadAsStringAsync())!;
        var listed = JsonNode.Parse(await client.GetStringAsync(new Uri(WebhookApi.Path, UriKind.Relative)))!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(third.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("2 webhook subscriptions"));
            Assert.That(listed, Has.Count.EqualTo(2));
        });

        using var deleted = await client.DeleteAsync(new Uri($"{WebhookApi.Path}/{second}", UriKind.Relative));
        await WebhookApi.SubscribeAsync(client, PublicUrl, "message.sent");
    }

    // "whsec_" and 32 random bytes in base64.
    [GeneratedRegex("^whsec_[A-Za-z0-9+/]{43}=$")]
    private static partial Regex SecretShape();
}
