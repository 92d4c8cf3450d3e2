namespace Messaging.Api.FunctionalTests;

/// <summary>
/// <c>/metrics</c> is a Prometheus scrape of the service's own instruments, readable only with a key that has the
/// <c>metrics:read</c> scope: what the service carries and how it fails is not for the public internet.
/// </summary>
public sealed class MetricsTests
{
    [TestCase(null, HttpStatusCode.Unauthorized)]
    [TestCase(TestApiKeys.Full, HttpStatusCode.Forbidden)]
    [TestCase(TestApiKeys.Metrics, HttpStatusCode.OK)]
    public async Task Metrics_need_a_key_with_the_metrics_scope(string? apiKey, HttpStatusCode expected)
    {
        using var factory = new MessagingApiFactory();
        using var client = factory.CreateClient(apiKey);

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task A_key_with_only_the_metrics_scope_can_neither_send_nor_read_messages()
    {
        using var factory = new MessagingApiFactory();
        using var client = factory.CreateClient(TestApiKeys.Metrics);

        using var send = await client.PostMessage(new { to = "+14155550123", body = "hello" });
        using var read = await client.GetAsync(new Uri("/api/messages", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(send.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_scrape_counts_sends_webhooks_duplicates_statuses_and_twilio_calls(CancellationToken cancellationToken)
    {
        using var factory = new MessagingApiFactory();
        using var client = factory.CreateClient();
        using var scraper = factory.CreateClient(TestApiKeys.Metrics);

        using (await client.PostMessage(new { to = "+14155550123", body = "Your order has shipped" }, "order-1"))
        using (await client.PostMessage(new { to = "+14155550123", body = "Your order has shipped" }, "order-1"))
        using (await client.PostMessage(new { to = "not a number", body = "x" }))
        {
        }

        var inboundSid = TwilioWebhooks.NewSid();
        var inbound = TwilioWebhooks.Inbound(inboundSid);
        using (await client.PostSigned(TwilioWebhooks.InboundPath, inbound))
        using (await client.PostSigned(TwilioWebhooks.InboundPath, inbound))
        using (await client.PostWithSignature(TwilioWebhooks.InboundPath, inbound, "forged"))
        using (await client.PostSigned(TwilioWebhooks.StatusPath, TwilioWebhooks.Status(TwilioWebhooks.NewSid(), "delivered")))
        // A received message has no delivery to report: the status cannot move it and is ignored.
        using (await client.PostSigned(TwilioWebhooks.StatusPath, TwilioWebhooks.Status(inboundSid, "delivered")))
        {
        }

        // Webhooks are counted once their answer is complete, which can be just after the client has it.
        string text;
        do
        {
            using var response = await scraper.GetAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        while ((PrometheusText.Sum(text, "messaging_webhooks_total") ?? 0) < 5 && !cancellationToken.IsCancellationRequested);

        Assert.Multiple(() =>
        {
            Assert.That(PrometheusText.Sum(text, "messaging_sends_total", "outcome=\"sent\""), Is.EqualTo(1));
            Assert.That(PrometheusText.Sum(text, "messaging_sends_total", "outcome=\"refused\""), Is.EqualTo(1));
            Assert.That(PrometheusText.Sum(text, "messaging_duplicates_absorbed_total", "kind=\"idempotent_replay\""), Is.EqualTo(1));
            Assert.That(PrometheusText.Sum(text, "messaging_duplicates_absorbed_total", "kind=\"message\""), Is.EqualTo(1));
            Assert.That(PrometheusText.Sum(text, "messaging_webhooks_total", "kind=\"inbound\"", "result=\"accepted\""), Is.EqualTo(2));
            Assert.That(PrometheusText.Sum(text, "messaging_webhooks_total", "kind=\"inbound\"", "result=\"bad_signature\""), Is.EqualTo(1));
            Assert.That(PrometheusText.Sum(text, "messaging_webhooks_total", "kind=\"status\"", "result=\"accepted\""), Is.EqualTo(2));
            Assert.That(PrometheusText.Sum(text, "messaging_statuses_pending_stored_total"), Is.EqualTo(1));
            Assert.That(PrometheusText.Sum(text, "messaging_statuses_ignored_total"), Is.EqualTo(1));
            Assert.That(
                PrometheusText.Sum(text, "messaging_twilio_request_duration_seconds_count", "operation=\"message.create\"", "result=\"success\""),
                Is.EqualTo(1));
            Assert.That(PrometheusText.Sum(text, "messaging_db_write_batch_size_count"), Is.GreaterThanOrEqualTo(3));
        });
    }
}
