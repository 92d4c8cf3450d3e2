namespace Messaging.Dashboard.BrowserTests;

/// <summary>Older conversations and older messages load as the agent scrolls to them.</summary>
[NonParallelizable]
public sealed class PagingTests : DashboardFixture
{
    [Test]
    public async Task Scrolling_to_the_end_of_the_list_adds_older_conversations_below_without_moving_the_rows_above()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var customers = Enumerable.Range(0, 40).Select(i => $"+141555504{i:D2}").ToArray();
        for (var i = 0; i < customers.Length; i++)
        {
            await App.StoreInbound(customers[i], start.AddSeconds(i), $"Customer {i}", $"Customer {i}");
        }

        await SignIn();
        await Expect(Rows).ToHaveCountAsync(30);
        var firstPage = await ShownOrder();

        await Page.Locator("#conversations").HoverAsync();
        await Page.Mouse.WheelAsync(0, 20_000);

        await Expect(Rows).ToHaveCountAsync(40);
        await Expect(Page.Locator("#conversations .sentinel")).ToHaveCountAsync(0);
        Assert.That(await ShownOrder(), Is.EqualTo(customers.Reverse()));
        Assert.That((await ShownOrder())[..30], Is.EqualTo(firstPage));
    }

    [Test]
    public async Task Scrolling_to_the_top_of_a_thread_adds_older_messages_above_and_keeps_the_view_where_it_was()
    {
        const string customer = "+14155550450";
        var start = DateTimeOffset.UtcNow.AddMinutes(-80);
        for (var i = 1; i <= 70; i++)
        {
            await App.StoreInbound(customer, start.AddMinutes(i), $"Line {i} of a very long story", "Vic");
        }

        await SignIn();
        await Open(customer, "Vic");
        await Expect(Page.Locator("#messages .bubble")).ToHaveCountAsync(50);
        await Expect(Bubble("Line 70 of")).ToBeInViewportAsync();

        await Page.Locator("#messages").HoverAsync();
        await Page.Mouse.WheelAsync(0, -40_000);

        await Expect(Page.Locator("#messages .bubble")).ToHaveCountAsync(70);
        await Expect(Page.Locator("#messages .sentinel")).ToHaveCountAsync(0);
        await Expect(Bubble("Line 21 of")).ToBeInViewportAsync();
        await Expect(Bubble("Line 1 of")).Not.ToBeInViewportAsync();
    }

    [Test]
    public async Task An_older_page_asked_for_before_the_conversation_was_left_and_opened_again_leaves_no_gap()
    {
        const string customer = "+14155550451";
        const string other = "+14155550452";
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
}
