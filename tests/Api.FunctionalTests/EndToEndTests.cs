using static Messaging.Api.FunctionalTests.Waiting;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// The whole loop on one machine, as in <c>dotnet run</c>: the service on Kestrel at 127.0.0.1, the real Twilio SDK talking
/// to the embedded emulator over HTTP, and the emulator calling the service's webhooks back with signed requests.
/// </summary>
public sealed class EndToEndTests : ApiFixture
{
    protected override MessagingApiFactory CreateFactory()
    {
        var factory = new MessagingApiFactory(enforceCustomerServiceWindow: true);
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    [Test]
    public async Task A_customer_writes_in_and_the_reply_reaches_read_through_twilios_callbacks()
    {
        var inbound = await Factory.Emulator().SimulateInboundAsync("+14155550123", "Where is my order?", null, "Ana", CancellationToken.None);
        Assert.That(inbound.Webhook.StatusCode, Is.EqualTo(200));

        var conversation = await Eventually(
            async () => (await Client.GetJson("/api/conversations"))["items"]!.AsArray().SingleOrDefault(),
            c => c?["contact"]?.GetValue<string>() == "whatsapp:+14155550123");
        Assert.Multiple(() =>
        {
            Assert.That(conversation!["profileName"]!.GetValue<string>(), Is.EqualTo("Ana"));
            Assert.That(conversation["lastMessage"]!["direction"]!.GetValue<string>(), Is.EqualTo("inbound"));
            Assert.That(conversation["windowOpenUntil"], Is.Not.Null);
        });

        var read = await SendUntilStatus("+14155550123", "It ships today", "read");
        Assert.That(read["errorCode"], Is.Null);

        var thread = (await Client.GetJson("/api/messages?contact=%2B14155550123"))["items"]!.AsArray();
        Assert.That(thread.Select(m => m!["body"]!.GetValue<string>()), Is.EqualTo(new[] { "It ships today", "Where is my order?" }));
        var callbacks = Factory.Emulator().Callbacks.Where(c => c.Field("MessageSid") == read["waSid"]!.GetValue<string>()).ToList();
        Assert.That(callbacks.Select(c => c.Field("MessageStatus")), Is.EquivalentTo(new[] { "sent", "delivered", "read" }));
        Assert.That(callbacks.Select(c => c.Succeeded), Is.All.True, "every signed callback was accepted by the service");
    }

    [Test]
    public async Task A_message_the_handset_never_receives_ends_undelivered_with_twilios_error()
    {
        await Factory.Emulator().SimulateInboundAsync("+15005550020", "Hi", null, null, CancellationToken.None);
        await Eventually(async () => await Factory.StoredMessageCount(), count => count == 1);

        var undelivered = await SendUntilStatus("+15005550020", "Hello", "undelivered");
        Assert.That(undelivered["errorCode"]!.GetValue<int>(), Is.EqualTo(30003));
    }

    /// <summary>
    /// Sends <paramref name="body"/> to <paramref name="to"/> and waits until Twilio's callbacks bring the message to
    /// <paramref name="status"/>.
    /// </summary>
    private async Task<JsonObject> SendUntilStatus(string to, string body, string status)
    {
        using var sent = await Client.PostMessage(new { to, body });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Created), await sent.Content.ReadAsStringAsync());
        var id = (await sent.ReadJsonObject())["id"]!.GetValue<string>();

        return await Eventually(
            () => Client.GetJson($"/api/messages/{id}"),
            m => m["status"]!.GetValue<string>() == status);
    }
}
