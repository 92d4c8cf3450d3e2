using System.Diagnostics;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

public sealed class StatusCallbackTests : WebhookReceiverFixture
{
    private const string Customer = "whatsapp:+14155550123";
    private const string Template = SampleContentTemplates.AppointmentReminder;

    private Uri StatusUrl => Receiver.Url("api/webhooks/twilio/status?tenant=a%20b");

    [Test]
    public async Task A_sent_message_reports_sent_delivered_read_in_order_with_signed_Twilio_fields()
    {
        await using var emulator = await EmulatorClient.StartAsync();

        var sid = await emulator.SendAsync(Customer, StatusUrl, body: null, contentSid: Template);

        var requests = await Receiver.WaitForAsync(3);
        Assert.That(requests.Select(r => r.Field("MessageStatus")), Is.EqualTo((string[])["sent", "delivered", "read"]));
        Assert.Multiple(() =>
        {
            foreach (var request in requests)
            {
                Assert.That(request.Method, Is.EqualTo("POST"));
                Assert.That(request.ContentType, Does.StartWith("application/x-www-form-urlencoded"));
                Assert.That(request.Url, Is.EqualTo(StatusUrl));
                Assert.That(request.IsValidlySignedWith(emulator.Options.AuthToken), Is.True);
                Assert.That(request.IsValidlySignedWith("another-token"), Is.False);
                Assert.That(request.Field("MessageSid"), Is.EqualTo(sid));
                Assert.That(request.Field("SmsSid"), Is.EqualTo(sid));
                Assert.That(request.Field("SmsStatus"), Is.EqualTo(request.Field("MessageStatus")));
                Assert.That(request.Field("AccountSid"), Is.EqualTo(emulator.Options.AccountSid));
                Assert.That(request.Field("From"), Is.EqualTo(EmulatorClient.Sender));
                Assert.That(request.Field("To"), Is.EqualTo(Customer));
                Assert.That(request.Field("ApiVersion"), Is.EqualTo("2010-04-01"));
                Assert.That(request.Field("ChannelPrefix"), Is.EqualTo("whatsapp"));
                Assert.That(request.Field("ErrorCode"), Is.Null);
            }

            Assert.That(requests.Select(r => r.Field("EventType")), Is.EqualTo((string?[])[null, "DELIVERED", "READ"]));
        });
    }

    [Test]
    public async Task The_fetched_message_follows_its_status_to_read()
    {
        await using var emulator = await EmulatorClient.StartAsync();

        var sid = await emulator.SendAsync(Customer, statusCallback: null, body: null, contentSid: Template);

        var json = await emulator.WaitForStatusAsync(sid, "read");
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("date_sent").GetString(), Is.Not.Null);
            Assert.That(emulator.Server.Callbacks, Is.Empty);
        });
    }

    [Test]
    public async Task The_undelivered_test_number_reports_sent_then_undelivered_with_30003()
    {
        await using var emulator = await EmulatorClient.StartAsync(o => o.EnforceCustomerServiceWindow = false);

        var sid = await emulator.SendAsync("whatsapp:" + TwilioTestNumbers.Undelivered, StatusUrl);

        var requests = await Receiver.WaitForAsync(2);
        var json = await emulator.WaitForStatusAsync(sid, "undelivered");
        Assert.Multiple(() =>
        {
            Assert.That(requests.Select(r => r.Field("MessageStatus")), Is.EqualTo((string[])["sent", "undelivered"]));
            Assert.That(requests[1].Field("ErrorCode"), Is.EqualTo("30003"));
            Assert.That(requests[1].Field("ErrorMessage"), Is.EqualTo("Unreachable destination handset"));
            Assert.That(json.GetProperty("error_code").GetInt32(), Is.EqualTo(30003));
            Assert.That(json.GetProperty("error_message").GetString(), Is.EqualTo("Unreachable destination handset"));
        });
    }

    [Test]
    public async Task The_failed_test_number_reports_only_failed_with_30008()
    {
        await using var emulator = await EmulatorClient.StartAsync(o => o.EnforceCustomerServiceWindow = false);

        var sid = await emulator.SendAsync(TwilioTestNumbers.Failed, StatusUrl);

        var requests = await Receiver.WaitForAsync(1);
        await emulator.WaitForStatusAsync(sid, "failed");
        await emulator.Server.WhenCallbacksDoneAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Receiver.Requests, Has.Count.EqualTo(1));
            Assert.That(requests[0].Field("MessageStatus"), Is.EqualTo("failed"));
            Assert.That(requests[0].Field("ErrorCode"), Is.EqualTo("30008"));
            Assert.That(requests[0].Field("ErrorMessage"), Is.EqualTo("Unknown error"));
            Assert.That(requests[0].IsValidlySignedWith(emulator.Options.AuthToken), Is.True);
        });
    }

    [Test]
    public async Task Callbacks_are_done_once_every_status_of_every_sent_message_was_answered()
    {
        await using var emulator = await EmulatorClient.StartAsync(o => o.CallbackDelay = TimeSpan.FromMilliseconds(50));

        await emulator.SendAsync(Customer, StatusUrl, body: null, contentSid: Template);
        await emulator.SendAsync(Customer, StatusUrl, body: null, contentSid: Template);
        await emulator.Server.WhenCallbacksDoneAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Receiver.Requests, Has.Count.EqualTo(6));
            Assert.That(emulator.Server.Callbacks.Select(c => c.StatusCode), Is.EqualTo(Enumerable.Repeat((int?)200, 6)));
        });
    }

    [Test]
    public async Task Shuffled_order_is_the_same_for_the_same_seed_and_not_the_lifecycle_order()
    {
        var first = await CallbackStatusesAsync(o => (o.CallbackOrder, o.CallbackOrderSeed) = (CallbackOrder.Shuffled, 7), count: 3);
        var second = await CallbackStatusesAsync(o => (o.CallbackOrder, o.CallbackOrderSeed) = (CallbackOrder.Shuffled, 7), count: 3);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EquivalentTo((string[])["sent", "delivered", "read"]));
            Assert.That(first, Is.Not.EqualTo((string[])["sent", "delivered", "read"]));
            Assert.That(second, Is.EqualTo(first));
        });
    }

    [Test]
    public async Task Reversed_with_repeats_posts_every_status_twice_last_first_while_the_message_ends_read()
    {
        await using var emulator = await EmulatorClient.StartAsync(o => o.CallbackOrder = CallbackOrder.ReversedWithRepeats);

        var sid = await emulator.SendAsync(Customer, StatusUrl, body: null, contentSid: Template);

        var requests = await Receiver.WaitForAsync(6);
        Assert.Multiple(async () =>
        {
            Assert.That(
                requests.Select(r => r.Field("MessageStatus")),
                Is.EqualTo((string[])["read", "read", "delivered", "delivered", "sent", "sent"]));
            Assert.That(requests.All(r => r.IsValidlySignedWith(emulator.Options.AuthToken)), Is.True);
            Assert.That((await emulator.FetchAsync(sid)).GetProperty("status").GetString(), Is.EqualTo("read"));
        });
    }

    [Test]
    public async Task Each_status_waits_for_the_callback_delay_on_the_emulator_clock()
    {
        var clock = new ObservedClock(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(30));
        await using var emulator = await EmulatorClient.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.CallbackDelay = TimeSpan.FromSeconds(30);
        });

        await emulator.SendAsync(Customer, StatusUrl, body: null, contentSid: Template);
        await clock.WaitForRegisteredAsync(1);
        clock.Advance(TimeSpan.FromSeconds(29));
        var endedBeforeDelay = clock.Ended;
        var receivedBeforeDelay = Receiver.Requests.Count;

        for (var expected = 1; expected <= 3; expected++)
        {
            await AdvanceUntilAsync(clock, TimeSpan.FromSeconds(1), () => Receiver.Requests.Count >= expected);
        }

        Assert.Multiple(() =>
        {
            Assert.That(endedBeforeDelay, Is.Zero, "the wait ended before the delay");
            Assert.That(receivedBeforeDelay, Is.Zero);
            Assert.That(emulator.Server.Callbacks.Select(c => c.At - clock.Start), Has.All.GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(emulator.Server.Callbacks.Select(c => c.Field("MessageStatus")), Is.EqualTo((string[])["sent", "delivered", "read"]));
        });
    }

    [Test]
    public async Task A_receiver_that_is_down_is_recorded_and_the_emulator_keeps_working()
    {
        await using var emulator = await EmulatorClient.StartAsync();
        var down = new Uri($"http://127.0.0.1:{LoopbackPort.Unused()}/status");

        var lost = await emulator.SendAsync(Customer, down, body: null, contentSid: Template);
        await emulator.WaitForStatusAsync(lost, "read");
        await emulator.SendAsync(Customer, StatusUrl, body: null, contentSid: Template);

        await Receiver.WaitForAsync(3);
        var failed = emulator.Server.Callbacks.Where(c => c.Url == down).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(failed, Has.Count.EqualTo(3));
            Assert.That(failed.Select(c => c.Succeeded), Has.All.False);
            Assert.That(failed.Select(c => c.StatusCode), Has.All.Null);
            Assert.That(failed.Select(c => c.Error), Has.All.Not.Empty);
        });
    }

    [Test]
    public async Task A_receiver_answering_500_is_recorded_with_that_status_and_later_statuses_still_come()
    {
        Receiver.AnswerStatus = 500;
        await using var emulator = await EmulatorClient.StartAsync();

        await emulator.SendAsync(Customer, StatusUrl, body: null, contentSid: Template);

        await Receiver.WaitForAsync(3);
        await Eventually.TrueAsync(() => emulator.Server.Callbacks.Count == 3);
        Assert.That(emulator.Server.Callbacks.Select(c => c.StatusCode), Is.EqualTo((int?[])[500, 500, 500]));
    }

    [Test]
    public async Task Stopping_the_emulator_cancels_callbacks_still_waiting()
    {
        var emulator = await EmulatorClient.StartAsync(o => o.CallbackDelay = TimeSpan.FromMinutes(5));
        await emulator.SendAsync(Customer, StatusUrl, body: null, contentSid: Template);

        var stopwatch = Stopwatch.StartNew();
        await emulator.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
            Assert.That(Receiver.Requests, Is.Empty);
            Assert.That(emulator.Server.Callbacks, Is.Empty);
        });
    }

    // The emulator registers each wait on the fake clock a moment after the previous callback is answered, so the
    // clock is moved in small steps until the expected callback arrives.
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, TimeSpan step, Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            clock.Advance(step);
            await Task.Delay(10);
        }

        Assert.That(condition(), Is.True, "The callback did not arrive.");
    }

    private static async Task<IReadOnlyList<string?>> CallbackStatusesAsync(Action<TwilioEmulatorOptions> configure, int count)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await EmulatorClient.StartAsync(configure);
        await emulator.SendAsync(Customer, receiver.Url("status"), body: null, contentSid: Template);
        return [.. (await receiver.WaitForAsync(count)).Select(r => r.Field("MessageStatus"))];
    }
}
