using Messaging.Application.Common.Interfaces;
using Messaging.Domain.Messages;

namespace Messaging.Api.FunctionalTests;

public sealed class StatusWebhookTests : ApiFixture
{
    [Test]
    public async Task Under_the_test_server_sends_ask_for_no_callback()
    {
        await Send();

        Assert.That(Factory.Emulator().Messages.Single().StatusCallback, Is.Null);
    }

    [Test]
    public async Task Read_then_delivered_then_sent_ends_as_read()
    {
        var message = await Send();
        var sid = message["waSid"]!.GetValue<string>();

        foreach (var status in (string[])["read", "delivered", "sent", "read"])
        {
            using var response = await Client.PostSigned(TwilioWebhooks.StatusPath, TwilioWebhooks.Status(sid, status));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), status);
        }

        Assert.That((await Fetch(message))["status"]!.GetValue<string>(), Is.EqualTo("read"));
    }

    [Test]
    public async Task A_failure_keeps_twilios_error_code_and_message()
    {
        const string ErrorMessage = "Failed to send freeform message because you are outside the allowed window.";

        var stored = await SendThenReport("failed", new() { ["ErrorCode"] = "63016", ["ErrorMessage"] = ErrorMessage });

        Assert.Multiple(() =>
        {
            Assert.That(stored["status"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(stored["errorCode"]!.GetValue<int>(), Is.EqualTo(63016));
            Assert.That(stored["errorMessage"]!.GetValue<string>(), Is.EqualTo(ErrorMessage));
        });
    }

    [Test]
    public async Task A_callback_that_arrives_before_the_send_saved_the_message_is_applied_when_it_is_saved()
    {
        var callbackAnswers = new List<HttpStatusCode>();
        Factory.OnTwilioMessageCreated = async sid =>
        {
            using var callback = await Client.PostSigned(TwilioWebhooks.StatusPath, TwilioWebhooks.Status(sid, "delivered"));
            callbackAnswers.Add(callback.StatusCode);
        };

        var message = await Send();

        Assert.That(callbackAnswers, Is.EqualTo(new[] { HttpStatusCode.NoContent }));
        Assert.That(message["status"]!.GetValue<string>(), Is.EqualTo("delivered"));
        Assert.That((await Fetch(message))["status"]!.GetValue<string>(), Is.EqualTo("delivered"));
    }

    [Test]
    public async Task A_status_kept_for_a_message_stored_by_another_path_is_applied_with_the_next_callback()
    {
        var sid = TwilioWebhooks.NewSid();
        using (var early = await Client.PostSigned(TwilioWebhooks.StatusPath, TwilioWebhooks.Status(sid, "read")))
        {
            Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        Assert.That(await Factory.StoredMessageCount(), Is.Zero, "a status alone creates no message");

        // A message written by another path that does not reconcile: the pending status must still not be lost.
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var repository = scope.ServiceProvider.GetRequiredService<IMessageRepository>();
            await repository.AddIfAbsent(
                Message.Outbound(sid, WhatsAppAddress.FromE164("+14155238886"), WhatsAppAddress.FromE164("+14155550123"), "hi", null, null, MessageStatus.Queued, DateTimeOffset.UtcNow),
                CancellationToken.None);
        }

        using (var later = await Client.PostSigned(TwilioWebhooks.StatusPath, TwilioWebhooks.Status(sid, "sent")))
        {
            Assert.That(later.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        using var list = await Client.GetAsync(new Uri("/api/messages", UriKind.Relative));
        var stored = (await list.ReadJsonObject())["items"]!.AsArray().Single()!;
        Assert.That(stored["status"]!.GetValue<string>(), Is.EqualTo("read"));
    }

    [Test]
    public async Task Fields_twilio_adds_that_this_service_does_not_know_are_accepted_when_signed()
    {
        var stored = await SendThenReport(
            "delivered",
            new() { ["EventType"] = "DELIVERED", ["StructuredMessage"] = "false", ["SomethingTwilioAddsTomorrow"] = "x" });

        Assert.That(stored["status"]!.GetValue<string>(), Is.EqualTo("delivered"));
    }

    [TestCase("MessageSid")]
    [TestCase("MessageStatus")]
    public async Task A_missing_required_field_is_a_400_problem_and_changes_nothing(string field)
    {
        var message = await Send();
        var fields = TwilioWebhooks.Status(message["waSid"]!.GetValue<string>(), "delivered");
        fields.Remove(field);

        using var response = await Client.PostSigned(TwilioWebhooks.StatusPath, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await response.ReadJsonObject())["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
        Assert.That((await Fetch(message))["status"]!.GetValue<string>(), Is.EqualTo("queued"));
    }

    [Test]
    public async Task An_unknown_status_is_a_400_problem_and_changes_nothing()
    {
        var message = await Send();

        using var response = await Client.PostSigned(
            TwilioWebhooks.StatusPath, TwilioWebhooks.Status(message["waSid"]!.GetValue<string>(), "teleported"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadJsonObject())["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "MessageStatus" }));
        Assert.That((await Fetch(message))["status"]!.GetValue<string>(), Is.EqualTo("queued"));
    }

    [Test]
    public async Task A_padded_sid_is_a_400_problem_and_keeps_no_pending_status()
    {
        var message = await Send();

        using var response = await Client.PostSigned(
            TwilioWebhooks.StatusPath, TwilioWebhooks.Status(" " + message["waSid"]!.GetValue<string>(), "delivered"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadJsonObject())["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "MessageSid" }));
        Assert.That((await Fetch(message))["status"]!.GetValue<string>(), Is.EqualTo("queued"));
        Assert.That(await Factory.StoredPendingStatusCount(), Is.Zero);
    }

    private async Task<JsonObject> Send()
    {
        using var response = await Client.PostMessage(new { to = "+14155550123", body = "Your order shipped" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return await response.ReadJsonObject();
    }

    /// <summary>
    /// Sends a message, posts Twilio's signed status callback for it with <paramref name="extraFields"/> added, asserts
    /// that the callback is accepted and returns the message as then stored.
    /// </summary>
    private async Task<JsonObject> SendThenReport(string status, Dictionary<string, string> extraFields)
    {
        var message = await Send();
        var fields = TwilioWebhooks.Status(message["waSid"]!.GetValue<string>(), status);
        foreach (var (name, value) in extraFields)
        {
            fields[name] = value;
        }

        using var response = await Client.PostSigned(TwilioWebhooks.StatusPath, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        return await Fetch(message);
    }

    private async Task<JsonObject> Fetch(JsonObject message)
    {
        using var response = await Client.GetAsync(new Uri($"/api/messages/{message["id"]}", UriKind.Relative));
        return await response.ReadJsonObject();
    }
}
