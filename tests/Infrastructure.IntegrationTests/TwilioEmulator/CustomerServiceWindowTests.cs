namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

public sealed class CustomerServiceWindowTests : WebhookReceiverFixture
{
    private const string Customer = "+14155550123";
    private const string Template = SampleContentTemplates.AppointmentReminder;

    [Test]
    public async Task A_free_form_message_to_a_contact_who_never_wrote_fails_with_63016_and_nothing_else()
    {
        await using var emulator = await EmulatorClient.StartAsync();

        var sid = await emulator.SendAsync("whatsapp:" + Customer, Receiver.Url("status"));

        var json = await emulator.WaitForStatusAsync(sid, "failed");
        await emulator.Server.WhenCallbacksDoneAsync();
        var requests = Receiver.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(requests, Has.Count.EqualTo(1));
            Assert.That(requests[0].Field("MessageStatus"), Is.EqualTo("failed"));
            Assert.That(requests[0].Field("ErrorCode"), Is.EqualTo("63016"));
            Assert.That(requests[0].Field("ErrorMessage"), Does.StartWith("Failed to send freeform message because you are outside the allowed window"));
            Assert.That(requests[0].IsValidlySignedWith(emulator.Options.AuthToken), Is.True);
            Assert.That(json.GetProperty("error_code").GetInt32(), Is.EqualTo(63016));
        });
    }

    [Test]
    public async Task After_the_contact_writes_a_free_form_message_is_delivered_and_read()
    {
        await using var emulator = await EmulatorClient.StartAsync();
        emulator.Server.InboundWebhookUrl = Receiver.Url("inbound");
        await emulator.Server.SimulateInboundAsync(Customer, "Hi, where is my order?");

        var sid = await emulator.SendAsync("whatsapp:" + Customer, Receiver.Url("status"));

        var statuses = (await Receiver.WaitForAsync(4)).Skip(1).Select(r => r.Field("MessageStatus"));
        Assert.Multiple(async () =>
        {
            Assert.That(statuses, Is.EqualTo((string[])["sent", "delivered", "read"]));
            Assert.That((await emulator.FetchAsync(sid)).GetProperty("error_code").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        });
    }

    [Test]
    public async Task The_window_of_one_contact_does_not_open_it_for_another()
    {
        await using var emulator = await EmulatorClient.StartAsync();
        emulator.Server.InboundWebhookUrl = Receiver.Url("inbound");
        await emulator.Server.SimulateInboundAsync(Customer, "Hi");

        var sid = await emulator.SendAsync("whatsapp:+14155550199", statusCallback: null);

        Assert.That((await emulator.WaitForStatusAsync(sid, "failed")).GetProperty("error_code").GetInt32(), Is.EqualTo(63016));
    }

    [Test]
    public async Task A_template_goes_through_without_an_open_window()
    {
        await using var emulator = await EmulatorClient.StartAsync();

        var sid = await emulator.SendAsync("whatsapp:" + Customer, Receiver.Url("status"), body: null, contentSid: Template);

        await emulator.WaitForStatusAsync(sid, "read");
        Assert.That(Receiver.Requests.Select(r => r.Field("MessageStatus")), Does.Not.Contain("failed"));
    }

    [Test]
    public async Task The_window_closes_24_hours_after_the_contact_last_wrote()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await EmulatorClient.StartOnClockAsync(clock);
        emulator.Server.InboundWebhookUrl = Receiver.Url("inbound");
        await emulator.Server.SimulateInboundAsync(Customer, "Hi");

        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var inside = await emulator.SendAsync(Customer, statusCallback: null);
        clock.Advance(TimeSpan.FromSeconds(1));
        var outside = await emulator.SendAsync(Customer, statusCallback: null);

        await emulator.WaitForStatusAsync(inside, "read");
        Assert.That((await emulator.WaitForStatusAsync(outside, "failed")).GetProperty("error_code").GetInt32(), Is.EqualTo(63016));
    }

    [Test]
    public async Task With_enforcement_off_a_free_form_message_to_anyone_is_delivered()
    {
        await using var emulator = await EmulatorClient.StartAsync(o => o.EnforceCustomerServiceWindow = false);

        var sid = await emulator.SendAsync("whatsapp:" + Customer, statusCallback: null);

        await emulator.WaitForStatusAsync(sid, "read");
    }
}
