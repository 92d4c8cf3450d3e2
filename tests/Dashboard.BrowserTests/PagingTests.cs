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
}
