namespace Messaging.Dashboard.BrowserTests;

/// <summary>The dashboard while customers keep writing: clicks land, rows hold still, the thread stays where it is read.</summary>
[NonParallelizable]
public sealed class LiveUpdateTests : DashboardFixture
{
    // Ten messages a second, the rate at which most clicks used to be lost.
    private static readonly TimeSpan StreamPace = TimeSpan.FromMilliseconds(100);

    private ILocator Notice => Page.Locator("#list-notice");

    [Test]
    public async Task Every_click_opens_the_thread_clicked_while_other_customers_keep_writing()
    {
        var targets = Enumerable.Range(0, 5).Select(i => (Number: $"+1415555020{i}", Name: $"Target {i}")).ToArray();
        var others = Enumerable.Range(0, 3).Select(i => (Number: $"+1415555021{i}", Name: $"Other {i}")).ToArray();
        foreach (var (number, name) in targets)
        {
            await CustomerWrites(number, $"Question from {name}", name);
        }

        foreach (var (number, name) in others)
        {
            await CustomerWrites(number, "Earlier chat", name);
        }

        await SignIn();
        await Expect(Row(others[^1].Number)).ToBeVisibleAsync();
        var before = await ShownOrder();

        // A person's pointer rests on the list between clicks.
        await Row(targets[0].Number).HoverAsync();
        await using var stream = CustomersWritingIn.Start(App.Emulator.BaseAddress, StreamPace, n => n % 4 == 0
            ? (others[n / 4 % others.Length].Number, $"Still there? ({n})", others[n / 4 % others.Length].Name)
            : ($"+1415556{n:D4}", $"I am new here ({n})", $"New {n}"));
        await Expect(Notice).ToBeVisibleAsync();

        var clicks = 0;
        for (var round = 0; round < 3; round++)
        {
            foreach (var (number, name) in round % 2 == 0 ? targets : targets.Reverse())
            {
                // Pressed, held for 150 ms, released: a person's click, not an instant one.
                await Row(number).Locator("button").ClickAsync(new LocatorClickOptions { Delay = 150 });
                clicks++;

                await Expect(Page.Locator("#thread-title")).ToHaveTextAsync($"{name} · {number}");
                await Expect(Page.Locator("#messages .bubble")).ToHaveCountAsync(1);
                await Expect(Bubble($"Question from {name}")).ToHaveCountAsync(1);
                await Expect(Row(number).Locator("button")).ToHaveAttributeAsync("aria-current", "true");
            }
        }

        var postedWhileClicking = stream.Posted;
        var orderWhileClicking = await ShownOrder();
        await stream.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(stream.Failures, Is.Empty);
            Assert.That(postedWhileClicking, Is.GreaterThanOrEqualTo(clicks), "customers kept writing while the agent clicked");
            Assert.That(orderWhileClicking, Is.EqualTo(before), "no row moved while the pointer was on the list");
        });

        // Once the pointer leaves, the list catches up: the customer who wrote last is on top.
        await Page.Locator("#messages").HoverAsync();
        await Expect(Rows.First).ToHaveAttributeAsync("data-contact", "whatsapp:" + stream.LastFrom);
        await Expect(Notice).ToBeHiddenAsync();
        Assert.That(await Rows.CountAsync(), Is.GreaterThan(before.Length), "the new customers are listed");
    }

    [Test]
    public async Task Rows_hold_still_under_focus_and_pointer_and_a_notice_counts_those_that_would_move()
    {
        const string kai = "+14155550220", lea = "+14155550221", max = "+14155550222", noa = "+14155550223";
        string[] customers = [kai, lea, max, noa];
        await CustomerWrites(kai, "First", "Kai");
        await CustomerWrites(lea, "Second", "Lea");
        await CustomerWrites(max, "Third", "Max");
        await SignIn();
        await Expect(Row(max).Locator("button")).ToBeFocusedAsync();
        Assert.That(await ShownOrder(customers), Is.EqualTo(new[] { max, lea, kai }));

        // Keyboard focus on the list holds it.
        await CustomerWrites(kai, "Kai again", "Kai");
        await Expect(Notice).ToHaveTextAsync("1 updated ↑");
        await Expect(Row(kai)).ToContainTextAsync("Kai again");
        Assert.That(await ShownOrder(customers), Is.EqualTo(new[] { max, lea, kai }));

        // So does the pointer; a new conversation waits too.
        await Row(kai).HoverAsync();
        await CustomerWrites(noa, "Hello, I am new", "Noa");
        await Expect(Notice).ToHaveTextAsync("2 updated ↑");
        await Expect(Row(noa)).ToHaveCountAsync(0);
        Assert.That(await ShownOrder(customers), Is.EqualTo(new[] { max, lea, kai }));

        await Notice.ClickAsync();
        await Expect(Notice).ToBeHiddenAsync();
        await Expect(Row(noa)).ToBeVisibleAsync();
        Assert.That(await ShownOrder(customers), Is.EqualTo(new[] { noa, kai, max, lea }));
        await Expect(Row(noa).Locator("button")).ToBeFocusedAsync();

        // Pointer and focus are still on the list.
        await CustomerWrites(lea, "Lea again", "Lea");
        await Expect(Notice).ToHaveTextAsync("1 updated ↑");
        Assert.That(await ShownOrder(customers), Is.EqualTo(new[] { noa, kai, max, lea }));

        // Leaving it with both puts it in order.
        await Page.Locator("#new-contact").ClickAsync();
        await Expect(Notice).ToBeHiddenAsync();
        await Expect(Rows.First).ToHaveAttributeAsync("data-contact", "whatsapp:" + lea);
        Assert.That(await ShownOrder(customers), Is.EqualTo(new[] { lea, noa, kai, max }));
    }

    [Test]
    public async Task Reading_further_up_a_new_message_shows_a_button_instead_of_moving_the_view()
    {
        const string customer = "+14155550230";
        var start = DateTimeOffset.UtcNow.AddSeconds(-31);
        for (var i = 1; i <= 30; i++)
        {
            await App.StoreInbound(customer, start.AddSeconds(i), $"Line {i} of a long story", "Oli");
        }

        await SignIn();
        await Open(customer, "Oli");
        await Expect(Bubble("Line 30 of")).ToBeInViewportAsync();
        await Expect(Bubble("Line 1 of")).Not.ToBeInViewportAsync();

        await Page.Locator("#messages").HoverAsync();
        await Page.Mouse.WheelAsync(0, -20_000);
        await Expect(Bubble("Line 1 of")).ToBeInViewportAsync();

        await CustomerWrites(customer, "Are you reading this?", "Oli");
        var newMessages = Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "New messages ↓" });
        await Expect(newMessages).ToBeVisibleAsync();
        await Expect(Bubble("Are you reading this?")).ToHaveCountAsync(1);
        await Expect(Bubble("Line 1 of")).ToBeInViewportAsync();
        await Expect(Bubble("Are you reading this?")).Not.ToBeInViewportAsync();

        await newMessages.ClickAsync();
        await Expect(Bubble("Are you reading this?")).ToBeInViewportAsync();
        await Expect(newMessages).ToBeHiddenAsync();
        await Expect(Page.Locator("#composer-text")).ToBeFocusedAsync();

        // At the newest message, the view follows by itself.
        await CustomerWrites(customer, "Great, thanks", "Oli");
        await Expect(Bubble("Great, thanks")).ToBeInViewportAsync();
        await Expect(newMessages).ToBeHiddenAsync();
    }

    [Test]
    public async Task The_live_region_announces_new_customer_messages_and_nothing_else()
    {
        await CustomerWrites("+14155550240", "My parcel is late", "Nina");
        await SignIn();
        await Open("+14155550240", "Nina");
        await Page.EvaluateAsync("""
            () => {
              window.announced = [];
              new MutationObserver((records) => {
                for (const record of records) for (const node of record.addedNodes) window.announced.push(node.textContent);
              }).observe(document.getElementById('announcer'), { childList: true, subtree: true });
            }
            """);

        await Reply("Let me check");
        await Expect(Bubble("Let me check", "outbound")).ToHaveAttributeAsync("data-status", "read");
        await CustomerWrites("+14155550241", "Hi from Omar", "Omar");
        await CustomerWrites("+14155550240", "Thank you", "Nina");

        await Expect(Page.Locator("#announcer")).ToContainTextAsync("New message from Nina: Thank you");
        Assert.That(
            await Page.EvaluateAsync<string[]>("() => window.announced"),
            Is.EqualTo(new[] { "New message from Omar: Hi from Omar", "New message from Nina: Thank you" }),
            "the agent's own message and its three status changes were not announced");
        Assert.That(
            await Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[aria-live], [role=status], [role=log]')].map(e => e.id)"),
            Is.EqualTo(new[] { "announcer" }),
            "the announcer is the page's one polite live region; the thread is not one");
    }

    [Test]
    public async Task After_the_connection_drops_what_customers_wrote_meanwhile_is_replayed_without_refetching()
    {
        const string customer = "+14155550250";
        await CustomerWrites(customer, "Before the drop", "Ivo");
        await SignIn();
        await Open(customer, "Ivo");
        await Expect(Page.Locator("#live")).ToHaveTextAsync("Live");

        // Off the list, which otherwise holds its rows still under the pointer.
        await Page.Locator("#messages").HoverAsync();
        var lists = new List<string>();
        var resumes = new List<string?>();
        Page.Request += (_, request) =>
        {
            var path = new Uri(request.Url).AbsolutePath;
            if (path is "/api/conversations" or "/api/messages")
            {
                lists.Add(request.Url);
            }
            else if (path == "/api/events")
            {
                resumes.Add(request.Headers.GetValueOrDefault("last-event-id"));
            }
        };

        // The connection drops and stays down: attempts to reconnect fail until the route is lifted.
        await Page.RouteAsync("**/api/events", route => route.AbortAsync());
        Assert.That(App.DropEventStreams(), Is.EqualTo(1));
        await Expect(Page.Locator("#live")).ToHaveTextAsync("Reconnecting…");
        await CustomerWrites(customer, "While you were away", "Ivo");
        await CustomerWrites("+14155550251", "Someone new", "Zoe");
        await Page.UnrouteAsync("**/api/events");

        await Expect(Bubble("While you were away")).ToHaveCountAsync(1);
        await Expect(Row("+14155550251")).ToBeVisibleAsync();
        await Expect(Page.Locator("#live")).ToHaveTextAsync("Live");
        Assert.Multiple(() =>
        {
            Assert.That(lists, Is.Empty, "the replay brought what was missed; nothing was fetched again");
            Assert.That(resumes, Is.Not.Empty.And.All.Not.Null, "each reconnection said where it had stopped");
        });
    }
}
