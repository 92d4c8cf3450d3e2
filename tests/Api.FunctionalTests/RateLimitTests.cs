namespace Messaging.Api.FunctionalTests;

public sealed class RateLimitTests : ApiFixture
{
    protected override MessagingApiFactory CreateFactory() => new(new Dictionary<string, string?>
    {
        ["RateLimiting:Send:PermitLimit"] = "2",
        // Windows start at fixed times (whole days, here): a day makes a window's end during a test all but impossible.
        ["RateLimiting:Send:WindowSeconds"] = "86400",
    });

    [Test]
    public async Task Sends_over_the_limit_get_429_with_retry_after_and_nothing_is_sent_or_stored()
    {
        using var client = Factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.PostMessage(new { to = "+14155550123", body = $"message {i}" });
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        using var limited = await client.PostMessage(new { to = "+14155550123", body = "one too many" });

        Assert.Multiple(() =>
        {
            Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limited.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromDays(1)));
        });
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(2));
        Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(2));
    }

    [Test]
    public async Task Each_api_key_has_its_own_limit_and_reads_are_not_limited()
    {
        using var client = Factory.CreateClient();
        using var other = Factory.CreateClient(TestApiKeys.Other);
        for (var i = 0; i < 3; i++)
        {
            using var _ = await client.PostMessage(new { to = "+14155550123", body = $"message {i}" });
        }

        using var otherSend = await other.PostMessage(new { to = "+14155550123", body = "from another client" });
        using var read = await client.GetAsync(new Uri("/api/messages", UriKind.Relative));

        Assert.That(otherSend.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(3));
    }

    [Test]
    public async Task A_replayed_answer_takes_no_send_and_a_refused_send_gives_its_idempotency_key_back()
    {
        using var client = Factory.CreateClient(TestApiKeys.Other);
        var first = new { to = "+14155550123", body = "Your order has shipped" };
        for (var i = 0; i < 3; i++)
        {
            using var answer = await client.PostMessage(first, "order-1-shipped");
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        using var second = await client.PostMessage(new { to = "+14155550123", body = "Your order has arrived" });
        using var limited = await client.PostMessage(new { to = "+14155550123", body = "How was it?" }, "order-1-survey");
        using var limitedAgain = await client.PostMessage(new { to = "+14155550123", body = "How was it?" }, "order-1-survey");

        Assert.Multiple(() =>
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created), "The two replays took no send of the window.");
            Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(limitedAgain.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limitedAgain.Headers.Contains("Idempotent-Replayed"), Is.False, "The refusal gave the key back: the retry was limited again, not replayed.");
        });
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(2));
    }
}
