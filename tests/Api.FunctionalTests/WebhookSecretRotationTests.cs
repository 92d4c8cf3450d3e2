using System.Text;
using Messaging.Application.Events;
using Messaging.WebhookSignatures;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// Rotating a subscription's secret, as a subscriber does it: deliveries to a real receiver on 127.0.0.1 verify with the
/// new secret at once, and with the old one only while it has not expired.
/// </summary>
public sealed class WebhookSecretRotationTests : ApiFixture
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    protected override MessagingApiFactory CreateFactory() => new(WebhookDeliveryTests.Settings(giveUpAfter: "00:05:00"));

    [Test]
    public async Task During_the_overlap_a_delivery_is_signed_with_the_new_secret_first_and_with_the_old_one()
    {
        using var manager = Factory.CreateClient(TestApiKeys.Webhooks);
        var (id, port, oldSecret) = await SubscribeAsync(manager);

        // A receiver that has not moved yet keeps its old secret: it must go on taking every delivery.
        await using var subscriber = await WebhookSubscriber.StartAsync(port, oldSecret);
        var before = DateTimeOffset.UtcNow;
        var rotated = await WebhookApi.RotateAsync(manager, id);
        var after = DateTimeOffset.UtcNow;
        var newSecret = rotated["secret"]!.GetValue<string>();

        var signed = await DeliveredAsync(subscriber, "during the overlap");

        Assert.Multiple(() =>
        {
            Assert.That(rotated["id"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(newSecret, Is.Not.EqualTo(oldSecret));
            Assert.That(rotated["previousSecretExpiresAt"]!.GetValue<DateTimeOffset>(), Is.InRange(before.AddHours(24), after.AddHours(24)));
            Assert.That(subscriber.Unauthorized, Is.Zero);
        });
        AssertSignedBy(signed, [newSecret, oldSecret]);
    }

    [Test]
    public async Task With_no_overlap_only_the_new_secret_verifies_and_a_receiver_on_the_old_one_refuses()
    {
        using var manager = Factory.CreateClient(TestApiKeys.Webhooks);
        var (id, port, oldSecret) = await SubscribeAsync(manager);
        await using var subscriber = await WebhookSubscriber.StartAsync(port, oldSecret);

        var rotated = await WebhookApi.RotateAsync(manager, id, """{"previousSecretValidFor": "00:00:00"}""");
        var newSecret = rotated["secret"]!.GetValue<string>();
        await WebhookApi.ReceiveAsync(Client, 1, "after the rotation");

        await Waiting.Eventually(() => Task.FromResult(subscriber.Unauthorized), refused => refused >= 1);
        Assert.Multiple(() =>
        {
            Assert.That(rotated["previousSecretExpiresAt"], Is.Null);
            Assert.That(subscriber.Events, Is.Empty);
        });
        AssertSignedBy(subscriber.SignedRequests[0], [newSecret], oldSecret);
    }

    [Test]
    public async Task Once_the_previous_secret_has_expired_only_the_new_secret_verifies()
    {
        using var manager = Factory.CreateClient(TestApiKeys.Webhooks);
        var (id, port, oldSecret) = await SubscribeAsync(manager);

        var rotated = await WebhookApi.RotateAsync(manager, id, """{"previousSecretValidFor": "00:00:01"}""");
        var newSecret = rotated["secret"]!.GetValue<string>();
        var expiresAt = rotated["previousSecretExpiresAt"]!.GetValue<DateTimeOffset>();
        await using var subscriber = await WebhookSubscriber.StartAsync(port, newSecret);

        // The moment the answer named, as the subscriber's own clock shows it.
        await Waiting.Eventually(() => Task.FromResult(DateTimeOffset.UtcNow), now => now > expiresAt);

        AssertSignedBy(await DeliveredAsync(subscriber, "after the expiry"), [newSecret], oldSecret);
    }

    [Test]
    public async Task Rotating_again_during_the_overlap_keeps_only_the_secret_it_replaces()
    {
        using var manager = Factory.CreateClient(TestApiKeys.Webhooks);
        var (id, port, first) = await SubscribeAsync(manager);
        var second = (await WebhookApi.RotateAsync(manager, id))["secret"]!.GetValue<string>();
        var third = (await WebhookApi.RotateAsync(manager, id, """{"previousSecretValidFor": "02:00:00"}"""))["secret"]!.GetValue<string>();
        await using var subscriber = await WebhookSubscriber.StartAsync(port, third);

        AssertSignedBy(await DeliveredAsync(subscriber, "after two rotations"), [third, second], first);
    }

    [Test]
    public async Task Reading_a_rotated_subscription_shows_when_the_previous_secret_expires_and_never_a_secret()
    {
        using var manager = Factory.CreateClient(TestApiKeys.Webhooks);
        var (id, _, oldSecret) = await SubscribeAsync(manager);
        var rotated = await WebhookApi.RotateAsync(manager, id);
        var newSecret = rotated["secret"]!.GetValue<string>();

        var one = await manager.GetStringAsync(new Uri($"{WebhookApi.Path}/{id}", UriKind.Relative));
        var all = await manager.GetStringAsync(new Uri(WebhookApi.Path, UriKind.Relative));

        var fetched = JsonNode.Parse(one)!.AsObject();
        var listed = JsonNode.Parse(all)!.AsArray().Single()!.AsObject();
        Assert.Multiple(() =>
        {
            foreach (var text in new[] { one, all })
            {
                Assert.That(text, Does.Not.Contain(oldSecret).And.Not.Contain(newSecret).And.Not.Contain("whsec_"));
            }

            foreach (var shown in new[] { fetched, listed })
            {
                Assert.That(
                    shown.Select(p => p.Key).Where(key => key.Contains("secret", StringComparison.OrdinalIgnoreCase)),
                    Is.EqualTo(new[] { "previousSecretExpiresAt" }));
                Assert.That(shown["previousSecretExpiresAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(rotated["previousSecretExpiresAt"]!.GetValue<DateTimeOffset>()));
            }
        });
    }

    [Test]
    public async Task Rotating_the_secret_of_an_unknown_subscription_is_not_found()
    {
        using var manager = Factory.CreateClient(TestApiKeys.Webhooks);
        var unknown = Guid.NewGuid();

        using var response = await manager.PostAsync(new Uri($"{WebhookApi.Path}/{unknown}/secret", UriKind.Relative), null);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
            Assert.That(JsonNode.Parse(body)!["detail"]!.GetValue<string>(), Is.EqualTo($"Webhook subscription '{unknown}' was not found."));
        });
    }

    public static IEnumerable<TestCaseData> BadBodies()
    {
        static TestCaseData Case(string name, string json) => new TestCaseData(json).SetArgDisplayNames(name);
        yield return Case("below zero", """{"previousSecretValidFor": "-00:00:01"}""");
        yield return Case("over a week", """{"previousSecretValidFor": "7.00:00:01"}""");
        yield return Case("not a duration", """{"previousSecretValidFor": "soon"}""");
        yield return Case("a bare number", """{"previousSecretValidFor": 60}""");
        yield return Case("malformed JSON", """{"previousSecretValidFor": """);
    }

    [TestCaseSource(nameof(BadBodies))]
    public async Task A_bad_overlap_is_refused_with_a_problem_and_the_secret_is_unchanged(string json)
    {
        using var manager = Factory.CreateClient(TestApiKeys.Webhooks);
        var (id, port, secret) = await SubscribeAsync(manager);
        await using var subscriber = await WebhookSubscriber.StartAsync(port, secret);

        using var response = await manager.PostAsync(
            new Uri($"{WebhookApi.Path}/{id}/secret", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
            Assert.That(JsonNode.Parse(body)!["errors"], Is.Not.Null, body);
        });

        // Nothing changed: no previous secret, and a delivery is signed with the first secret alone.
        var fetched = await WebhookApi.GetAsync(manager, id);
        var signed = await DeliveredAsync(subscriber, "after a refused rotation");
        Assert.That(fetched["previousSecretExpiresAt"], Is.Null);
        AssertSignedBy(signed, [secret]);
    }

    /// <summary>A subscription to <c>message.received</c> for a receiver that will listen on the port returned.</summary>
    private static async Task<(string Id, int Port, string Secret)> SubscribeAsync(HttpClient manager)
    {
        var port = LoopbackPort.Unused();
        var (id, secret) = await WebhookApi.SubscribeAsync(manager, WebhookSubscriber.UrlFor(port), EventTypes.MessageReceived);
        return (id, port, secret);
    }

    /// <summary>A customer's message, once the receiver has taken it: the one request the receiver got.</summary>
    private async Task<(string Signature, string Body)> DeliveredAsync(WebhookSubscriber subscriber, string text)
    {
        await WebhookApi.ReceiveAsync(Client, 1, text);
        await Waiting.Eventually(() => Task.FromResult(subscriber.Events), events => events.Count >= 1);
        return subscriber.SignedRequests.Single();
    }

    /// <summary>
    /// Asserts that the request carries one <c>v1</c> entry for each of <paramref name="signers"/>, in their order, and
    /// verifies with none of <paramref name="others"/>.
    /// </summary>
    private static void AssertSignedBy((string Signature, string Body) signed, string[] signers, params string[] others)
    {
        var (t, v1) = SignatureEntries(signed.Signature);
        Assert.Multiple(() =>
        {
            Assert.That(v1, Has.Count.EqualTo(signers.Length), signed.Signature);
            for (var i = 0; i < Math.Min(v1.Count, signers.Length); i++)
            {
                Assert.That(Verifies(signers[i], (t + "," + v1[i], signed.Body)), Is.True, $"v1 entry {i} is not signed with secret {i}");
            }

            foreach (var other in others)
            {
                Assert.That(Verifies(other, signed), Is.False, "verifies with a secret that no longer signs");
            }
        });
    }

    private static bool Verifies(string secret, (string Signature, string Body) signed) =>
        WebhookSignature.Verify(secret, signed.Signature, signed.Body, DateTimeOffset.UtcNow, Tolerance);

    /// <summary>The header's <c>t</c> entry and its <c>v1</c> entries, in order.</summary>
    private static (string T, IReadOnlyList<string> V1) SignatureEntries(string header)
    {
        var entries = header.Split(',');
        return (entries.Single(e => e.StartsWith("t=", StringComparison.Ordinal)), [.. entries.Where(e => e.StartsWith("v1=", StringComparison.Ordinal))]);
    }
}
