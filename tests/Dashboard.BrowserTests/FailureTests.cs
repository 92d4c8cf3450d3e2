namespace Messaging.Dashboard.BrowserTests;

/// <summary>Messages WhatsApp did not deliver are visible, in plain words, with Twilio's code kept for support.</summary>
[NonParallelizable]
public sealed class FailureTests : DashboardFixture
{
    // The colour of an outbound message on its way; a failed one must not look like it.
    private const string OnItsWayGreen = "rgb(220, 248, 198)";

    [TestCase("+15005550020", "undelivered", "Not delivered", "phone unreachable", "phone could not be reached", 30003)]
    [TestCase("+15005550021", "failed", "Failed", "unknown error", "network gave no reason", 30008)]
    public async Task A_send_that_fails_later_marks_its_bubble_and_its_conversation(
        string number, string status, string outcome, string reason, string meaning, int code)
    {
        await CustomerWrites(number, "Please call me back", "Quinn");
        await SignIn();
        await Open(number, "Quinn");

        await Reply("We tried to call you");

        var bubble = Bubble("We tried to call you", "outbound");
        await Expect(bubble).ToHaveAttributeAsync("data-status", status);
        await ExpectMarkedFailed();

        // Read back from the service after a reload, the failure looks the same.
        await Page.ReloadAsync();
        await Open(number, "Quinn");
        await ExpectMarkedFailed();

        async Task ExpectMarkedFailed()
        {
            await Expect(bubble.Locator(".failure strong")).ToHaveTextAsync($"{outcome}: {reason}.");
            await Expect(bubble.Locator(".failure")).ToContainTextAsync(meaning);
            await Expect(bubble.Locator(".failure .code")).ToContainTextAsync($"Twilio error {code}");
            await Expect(bubble.Locator(".status")).ToHaveTextAsync(outcome);
            await Expect(Row(number).Locator(".conv-failure")).ToHaveTextAsync($"⚠ {outcome}: {reason} ({code})");
            Assert.That(await bubble.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"), Is.Not.EqualTo(OnItsWayGreen));
        }
    }

    [TestCase("+15005550002", "cannot be routed", 21612)]
    [TestCase("+15005550003", "country not enabled", 21408)]
    [TestCase("+15005550004", "customer unsubscribed", 21610)]
    [TestCase("+15005550009", "not a mobile number", 21614)]
    public async Task A_send_twilio_refuses_at_once_says_why_in_plain_words(string number, string reason, int code)
    {
        await CustomerWrites(number, "Hello there", "Remy");
        await SignIn();
        await Open(number, "Remy");

        await Reply("Hi Remy");

        var failure = Bubble("Hi Remy", "outbound").Locator(".failure");
        await Expect(failure.Locator("strong")).ToHaveTextAsync($"Failed: {reason}.");
        await Expect(failure.Locator(".code")).ToContainTextAsync($"Twilio error {code}");
        await Expect(Row(number).Locator(".conv-failure")).ToHaveTextAsync($"⚠ Failed: {reason} ({code})");
    }

    [Test]
    public async Task A_conversation_whose_last_message_went_through_carries_no_failure_mark()
    {
        await CustomerWrites("+14155550260", "Is it in stock?", "Sol");
        await SignIn();
        await Open("+14155550260", "Sol");

        await Reply("Yes, it is");

        await Expect(Bubble("Yes, it is", "outbound")).ToHaveAttributeAsync("data-status", "read");
        await Expect(Bubble("Yes, it is", "outbound").Locator(".failure")).ToBeHiddenAsync();
        await Expect(Row("+14155550260").Locator(".conv-failure")).ToBeHiddenAsync();
        Assert.That(await Bubble("Yes, it is", "outbound").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"), Is.EqualTo(OnItsWayGreen));
    }
}
