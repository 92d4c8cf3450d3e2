using System.Globalization;

namespace Messaging.Dashboard.BrowserTests;

/// <summary>How a thread reads: days apart, right-to-left text the right way round, who wrote what, no gap between its pages.</summary>
[NonParallelizable]
public sealed class ThreadTests : DashboardFixture
{
    [Test]
    public async Task Each_day_starts_with_a_separator_that_names_it()
    {
        const string customer = "+14155550250";
        var today = DateTime.UtcNow.Date;
        var threeDaysAgo = new DateTimeOffset(today.AddDays(-3).AddHours(9), TimeSpan.Zero);
        var twoDaysAgo = new DateTimeOffset(today.AddDays(-2).AddHours(15), TimeSpan.Zero);
        await App.StoreInbound(customer, threeDaysAgo, "Three days ago", "Rui");
        await App.StoreInbound(customer, twoDaysAgo, "Two days ago", "Rui");
        await CustomerWrites(customer, "And today", "Rui");
        await SignIn();

        await Open(customer, "Rui");
        await Expect(Bubble("And today")).ToHaveCountAsync(1);

        var thread = await Page.Locator("#messages > li").EvaluateAllAsync<string[]>(
            "items => items.map(i => i.classList.contains('day') ? `${i.dataset.day} ${i.querySelector('h3').textContent}` : i.querySelector('.body').textContent)");
        Assert.That(thread, Is.EqualTo(new[]
        {
            $"{Day(threeDaysAgo)} {DayName(threeDaysAgo)}", "Three days ago",
            $"{Day(twoDaysAgo)} {DayName(twoDaysAgo)}", "Two days ago",
            $"{Day(DateTimeOffset.UtcNow)} Today", "And today",
        }));
    }

    [Test]
    public async Task Right_to_left_text_reads_right_to_left_wherever_it_is_shown()
    {
        await CustomerWrites("+14155550251", "مرحبا، أين طلبي؟", "سارة");
        await SignIn();
        await Row("+14155550251").Locator("button").ClickAsync();

        ILocator[] shown =
        [
            Bubble("مرحبا").Locator(".body"),
            Row("+14155550251").Locator(".conv-preview"),
            Row("+14155550251").Locator(".conv-name"),
            Page.Locator("#thread-title"),
        ];
        foreach (var text in shown)
        {
            await Expect(text).ToHaveAttributeAsync("dir", "auto");
            Assert.That(await text.EvaluateAsync<bool>("e => e.matches(':dir(rtl)')"), Is.True, await text.TextContentAsync());
        }

        var composer = Page.Locator("#composer-text");
        await Expect(composer).ToHaveAttributeAsync("dir", "auto");
        await composer.FillAsync("שלום, ההזמנה בדרך");
        Assert.That(await composer.EvaluateAsync<bool>("e => e.matches(':dir(rtl)')"), Is.True, "Hebrew is typed right to left");
        await composer.FillAsync("Your order is on its way");
        Assert.That(await composer.EvaluateAsync<bool>("e => e.matches(':dir(ltr)')"), Is.True, "English is typed left to right");
    }

    [Test]
    public async Task Each_bubble_says_who_wrote_it_and_a_sent_ones_status_in_words()
    {
        await CustomerWrites("+14155550252", "Can I change the address?", "Uma");
        await SignIn();
        await Open("+14155550252", "Uma");

        await Reply("Yes, which one?");

        var sent = Bubble("Yes, which one?", "outbound");
        await Expect(Bubble("Can I change the address?")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Uma wrote: Can I change the address\\?"));
        await Expect(sent).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^You wrote: Yes, which one\\?"));
        await Expect(sent.Locator(".status")).ToHaveTextAsync("Read");
        await Expect(sent.Locator(".ticks")).ToHaveAttributeAsync("aria-hidden", "true");
    }

    [Test]
    public async Task An_older_page_asked_for_before_the_conversation_was_left_and_opened_again_leaves_no_gap()
    {
        const string customer = "+14155550460";
        const string other = "+14155550461";
        var start = DateTimeOffset.UtcNow.AddMinutes(-90);
        for (var i = 1; i <= 60; i++)
        {
            await App.StoreInbound(customer, start.AddMinutes(i), $"Part {i} of a long story", "Wes");
        }

        await App.StoreInbound(other, start.AddMinutes(61), "Something else", "Xan");
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IRequest? heldRequest = null;
        Page.RequestFinished += (_, request) =>
        {
            if (request == heldRequest) answered.TrySetResult();
        };
        await Page.RouteAsync(url => url.Contains("/api/messages?", StringComparison.Ordinal) && url.Contains("cursor=", StringComparison.Ordinal), async route =>
        {
            // The first older page is answered only after the agent has left the conversation and opened it again.
            if (held.TrySetResult())
            {
                heldRequest = route.Request;
                await release.Task;
            }

            await route.ContinueAsync();
        });

        await SignIn();
        await Open(customer, "Wes");
        await Expect(Page.Locator("#messages .bubble")).ToHaveCountAsync(50);
        await Page.Locator("#messages").HoverAsync();
        await Page.Mouse.WheelAsync(0, -40_000);
        await held.Task;

        await Open(other, "Xan");
        for (var i = 61; i <= 65; i++)
        {
            await App.StoreInbound(customer, start.AddMinutes(i + 1), $"Part {i} of a long story", "Wes");
        }

        await Open(customer, "Wes");
        await Expect(Bubble("Part 65 of")).ToBeVisibleAsync();
        release.TrySetResult();
        await answered.Task;
        await Page.Locator("#messages").HoverAsync();
        await Page.Mouse.WheelAsync(0, -40_000);

        await Expect(Page.Locator("#messages .bubble")).ToHaveCountAsync(65);
        await Expect(Page.Locator("#messages .sentinel")).ToHaveCountAsync(0);
        await Expect(Bubble("Part 13 of")).ToHaveCountAsync(1);
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DayName(DateTimeOffset at) => at.UtcDateTime.ToString("dddd, MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"));
}
