using Microsoft.Extensions.Logging;

namespace Messaging.Api.FunctionalTests;

public sealed class InboundWebhookTests : ApiFixture
{
    [Test]
    public async Task An_inbound_message_is_answered_with_empty_twiml_and_listed_with_its_media_and_profile_name()
    {
        var sid = TwilioWebhooks.NewSid("MM");
        var fields = TwilioWebhooks.Inbound(sid, "Here is the photo");
        fields["NumMedia"] = "2";
        fields["MediaUrl0"] = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1";
        fields["MediaContentType0"] = "image/jpeg";
        fields["MediaUrl1"] = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2";
        fields["MediaContentType1"] = "application/pdf";

        using var response = await Client.PostSigned(TwilioWebhooks.InboundPath, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/xml"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("<Response></Response>"));

        using var list = await Client.GetAsync(new Uri("/api/messages?contact=%2B14155550123&direction=inbound", UriKind.Relative));
        var item = (await list.ReadJsonObject())["items"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(item["waSid"]!.GetValue<string>(), Is.EqualTo(sid));
            Assert.That(item["direction"]!.GetValue<string>(), Is.EqualTo("inbound"));
            Assert.That(item["status"]!.GetValue<string>(), Is.EqualTo("received"));
            Assert.That(item["from"]!.GetValue<string>(), Is.EqualTo(TwilioWebhooks.Customer));
            Assert.That(item["body"]!.GetValue<string>(), Is.EqualTo("Here is the photo"));
            Assert.That(item["profileName"]!.GetValue<string>(), Is.EqualTo("Ana"));
            var media = item["media"]!.AsArray();
            Assert.That(media.Select(m => m!["url"]!.GetValue<string>()), Is.EqualTo(new[] { fields["MediaUrl0"], fields["MediaUrl1"] }));
            Assert.That(media.Select(m => m!["contentType"]!.GetValue<string>()), Is.EqualTo(new[] { "image/jpeg", "application/pdf" }));
        });
    }

    [Test]
    public async Task The_same_webhook_delivered_ten_times_leaves_one_row()
    {
        var fields = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid());

        using var first = await Client.PostSigned(TwilioWebhooks.InboundPath, fields);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 9).Select(_ => Client.PostSigned(TwilioWebhooks.InboundPath, fields)));

        Assert.That(concurrent.Prepend(first).Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(1));
        foreach (var response in concurrent)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task A_repeated_delivery_is_absorbed_without_logging_a_warning_or_an_error()
    {
        var fields = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid());
        using (await Client.PostSigned(TwilioWebhooks.InboundPath, fields))
        {
        }

        // The first delivery's own lines are written before the clear, so everything after it belongs to the second.
        var collector = Factory.Services.GetFakeLogCollector();
        await collector.WaitForAsync(r => r.Message.Contains("answered 200", StringComparison.Ordinal));
        collector.Clear();
        using var again = await Client.PostSigned(TwilioWebhooks.InboundPath, fields);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await collector.WaitForAsync(r => r.Message.Contains("answered 200", StringComparison.Ordinal));
        Assert.That(
            collector.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).Select(r => $"{r.Category}: {r.Message}"),
            Is.Empty,
            "Twilio's retries are expected; they are not errors");
    }

    [Test]
    public async Task Ten_concurrent_first_deliveries_leave_one_row()
    {
        var fields = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid());

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Client.PostSigned(TwilioWebhooks.InboundPath, fields)));

        Assert.That(responses.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(1));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [TestCase("MessageSid")]
    [TestCase("From")]
    [TestCase("To")]
    public async Task A_missing_required_field_is_a_400_problem_and_stores_nothing(string field)
    {
        var fields = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid());
        fields.Remove(field);

        using var response = await Client.PostSigned(TwilioWebhooks.InboundPath, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await response.ReadJsonObject())["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
        Assert.That(await Factory.StoredMessageCount(), Is.Zero);
    }

    [TestCase("two")]
    [TestCase("-1")]
    [TestCase("11")]
    public async Task A_media_count_that_is_not_one_twilio_sends_is_a_400_problem(string numMedia)
    {
        var fields = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid());
        fields["NumMedia"] = numMedia;

        using var response = await Client.PostSigned(TwilioWebhooks.InboundPath, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadJsonObject())["errors"]!.AsObject().Select(e => e.Key), Does.Contain("NumMedia"));
        Assert.That(await Factory.StoredMessageCount(), Is.Zero);
    }

    [Test]
    public async Task A_media_count_without_its_urls_is_a_400_problem()
    {
        var fields = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid());
        fields["NumMedia"] = "1";

        using var response = await Client.PostSigned(TwilioWebhooks.InboundPath, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Factory.StoredMessageCount(), Is.Zero);
    }

    [TestCase(" {0}")]
    [TestCase("{0}\t")]
    [TestCase("{0}0")]
    [TestCase("hello world")]
    [TestCase("SM1")]
    [TestCase("XX0123456789abcdef0123456789abcdef")]
    public async Task A_message_sid_that_is_not_twilios_shape_is_a_400_problem_and_stores_nothing(string sidShape)
    {
        var sid = string.Format(System.Globalization.CultureInfo.InvariantCulture, sidShape, TwilioWebhooks.NewSid());

        using var response = await Client.PostSigned(TwilioWebhooks.InboundPath, TwilioWebhooks.Inbound(sid));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadJsonObject())["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "MessageSid" }));
        Assert.That(await Factory.StoredMessageCount(), Is.Zero);
    }
}
