using Messaging.Application.Messages.UnknownOutcomes;
using Microsoft.Extensions.Time.Testing;
using static Messaging.Api.FunctionalTests.Waiting;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// The reconciler in the running application, on a clock the test moves: a send whose answer was lost is looked up at
/// the emulator over HTTP after a minute and named, or given up as failed after fifteen. The in-memory server gets no
/// status callbacks, so only the reconciler can settle these messages.
/// </summary>
public sealed class UnknownOutcomeReconcilerTests : ApiFixture
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider _time = null!;

    private TwilioEmulatorServer Emulator => Factory.Emulator();

    protected override MessagingApiFactory CreateFactory()
    {
        _time = new FakeTimeProvider(Start);
        return new MessagingApiFactory(
            new Dictionary<string, string?>
            {
                ["UnknownOutcomes:LookUpAfterSeconds"] = "60",
                ["UnknownOutcomes:GiveUpAfterMinutes"] = "15",
                ["UnknownOutcomes:IntervalSeconds"] = "10",
            },
            services => services.AddSingleton<TimeProvider>(_time));
    }

    [Test]
    public async Task A_send_whose_answer_was_lost_is_named_after_the_message_twilio_lists()
    {
        // Another message to the same customer, sent earlier, must not be taken for it.
        using (var earlier = await Client.PostMessage(new { to = "+14155550123", body = "Your order is packed" }))
        {
            Assert.That(earlier.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        Emulator.InjectFault(TwilioFault.DropAfterProcessing());
        using var response = await Client.PostMessage(new { to = "+14155550123", body = "Your order has shipped" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var id = (await response.ReadJsonObject())["id"]!.GetValue<string>();
        var sid = Emulator.Messages.Single(m => m.Body == "Your order has shipped").Sid;

        _time.Advance(TimeSpan.FromSeconds(30));
        var early = await Client.GetJson($"/api/messages/{id}");
        Assert.That(early["status"]!.GetValue<string>(), Is.EqualTo("unknown"), "not looked up before a minute");

        _time.Advance(TimeSpan.FromSeconds(31));
        var named = await Eventually(() => Client.GetJson($"/api/messages/{id}"), m => m["waSid"] is not null);

        Assert.Multiple(async () =>
        {
            Assert.That(named["waSid"]!.GetValue<string>(), Is.EqualTo(sid));
            Assert.That(named["status"]!.GetValue<string>(), Is.Not.EqualTo("unknown"));
            Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(2));
            Assert.That(Emulator.MessagesCreated, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_send_twilio_does_not_list_becomes_failed_with_the_reason_after_the_bounded_time()
    {
        Emulator.InjectFault(TwilioFault.DropBeforeProcessing());
        using var response = await Client.PostMessage(new { to = "+14155550123", body = "Hello" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var id = (await response.ReadJsonObject())["id"]!.GetValue<string>();

        // Looked up and not found, but not given up yet.
        var listsBefore = Emulator.MessageListRequests;
        _time.Advance(TimeSpan.FromSeconds(61));
        await Eventually(() => Task.FromResult(Emulator.MessageListRequests), count => count > listsBefore);
        var stillUnknown = await Client.GetJson($"/api/messages/{id}");
        Assert.That(stillUnknown["status"]!.GetValue<string>(), Is.EqualTo("unknown"));

        _time.Advance(TimeSpan.FromMinutes(15));
        var failed = await Eventually(() => Client.GetJson($"/api/messages/{id}"), m => m["status"]!.GetValue<string>() != "unknown");

        Assert.Multiple(async () =>
        {
            Assert.That(failed["status"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(failed["errorMessage"]!.GetValue<string>(), Is.EqualTo(UnknownOutcomeReconciler.GaveUpReason));
            Assert.That(failed["waSid"], Is.Null);
            Assert.That(Emulator.MessagesCreated, Is.Zero);
            Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_scrape_counts_a_send_with_an_unknown_outcome_and_keeps_it_open_until_it_is_named()
    {
        using var scraper = Factory.CreateClient(TestApiKeys.Metrics);
        Emulator.InjectFault(TwilioFault.DropAfterProcessing());
        using var response = await Client.PostMessage(new { to = "+14155550123", body = "Your order has shipped" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        // The first round finds it too young to look up, and counts it.
        _time.Advance(TimeSpan.FromSeconds(10));
        var counted = await Eventually(() => Scrape(scraper), text => PrometheusText.Sum(text, "messaging_messages_unknown_open") == 1);
        Assert.That(PrometheusText.Sum(counted, "messaging_sends_total", "outcome=\"unknown\""), Is.EqualTo(1));

        // A round after the minute names it; the count that follows has nothing left open.
        _time.Advance(TimeSpan.FromSeconds(61));
        await Eventually(() => Scrape(scraper), text => PrometheusText.Sum(text, "messaging_messages_unknown_open") == 0);
        var stored = await Client.GetJson("/api/messages");
        Assert.That(stored["items"]!.AsArray().Select(m => m!["status"]!.GetValue<string>()), Has.None.EqualTo("unknown"));
    }

    private static async Task<string> Scrape(HttpClient scraper)
    {
        using var response = await scraper.GetAsync(new Uri("/metrics", UriKind.Relative));
        return await response.Content.ReadAsStringAsync();
    }
}
