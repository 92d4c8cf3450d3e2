using System.Text.RegularExpressions;

namespace Messaging.Dashboard.BrowserTests;

/// <summary>Signing in, reading, sending and the phone layout.</summary>
[NonParallelizable]
public sealed partial class DashboardTests : DashboardFixture
{
    [Test]
    public async Task Signing_in_with_the_key_shows_the_conversations_newest_first()
    {
        await CustomerWrites("+14155550110", "First question", "Ana");
        await CustomerWrites("+14155550111", "Second question", "Ben");

        await SignIn();

        await Expect(Rows.First).ToContainTextAsync("Ben");
        await Expect(Row("+14155550110")).ToContainTextAsync("First question");
        await Expect(Page.Locator("#live")).ToHaveTextAsync("Live");
    }

    [Test]
    public async Task A_wrong_key_is_refused_with_a_clear_message()
    {
        await SignIn("not-a-key");

        await Expect(Page.Locator("#sign-in-error")).ToContainTextAsync("refused");
        await Expect(Page.Locator("#app")).ToBeHiddenAsync();
        Assert.That(await Page.EvaluateAsync<string?>("sessionStorage.getItem('messaging.apiKey')"), Is.Null);
    }

    [Test]
    public async Task A_sent_text_appears_once_and_its_ticks_advance_to_read()
    {
        await CustomerWrites("+14155550120", "Where is my order?", "Cleo");
        await SignIn();
        await Open("+14155550120", "Cleo");
        await Expect(Bubble("Where is my order?")).ToHaveCountAsync(1);

        await Reply("It ships today");

        var sent = Bubble("It ships today", "outbound");
        await Expect(sent).ToHaveCountAsync(1);
        await Expect(Page.Locator("#composer-text")).ToHaveValueAsync(string.Empty);
        await Expect(sent).ToHaveAttributeAsync("data-status", "read");
        await Expect(sent.Locator(".ticks.read")).ToHaveTextAsync("✓✓");
        await Expect(sent.Locator(".status")).ToHaveTextAsync("Read");
        await Expect(sent).ToHaveCountAsync(1);
        await Expect(Row("+14155550120").Locator(".conv-count")).ToHaveTextAsync("2");
    }

    [Test]
    public async Task A_simulated_inbound_message_appears_live_and_moves_its_conversation_to_the_top()
    {
        await CustomerWrites("+14155550130", "Hello from Dana", "Dana");
        await CustomerWrites("+14155550131", "Hello from Eli", "Eli");
        await SignIn();
        await Open("+14155550130", "Dana");
        await Expect(Page.Locator("#live")).ToHaveTextAsync("Live");
        Assert.That((await ShownOrder())[0], Is.Not.EqualTo("+14155550130"));

        // The list holds still while the pointer is on it; the agent is reading the thread now.
        await Page.Locator("#messages").HoverAsync();
        await CustomerWrites("+14155550130", "Are you there?", "Dana");

        await Expect(Bubble("Are you there?")).ToHaveCountAsync(1);
        await Expect(Rows.First).ToHaveAttributeAsync("data-contact", "whatsapp:+14155550130");
        await Expect(Rows.First).ToContainTextAsync("Are you there?");
    }

    [Test]
    public async Task A_send_twilio_refuses_shows_its_error_next_to_the_composer_and_in_the_thread()
    {
        // The customer-service window is enforced, so the test number writes in first; Twilio then refuses the reply.
        await CustomerWrites("+15005550001", "Hi", "Test number");
        await SignIn();
        await Page.Locator("#new-contact").FillAsync("+15005550001");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Find" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Open conversation" }).ClickAsync();

        await Page.Locator("#composer-text").FillAsync("Hello?");
        await Page.Locator("#composer-send").ClickAsync();

        await Expect(Page.Locator("#composer-error")).ToContainTextAsync("Twilio rejected the message.");
        var failed = Bubble("Hello?", "outbound");
        await Expect(failed).ToHaveCountAsync(1);
        await Expect(failed.Locator(".failure")).ToContainTextAsync(TwilioCode21211());
        await Expect(failed.Locator(".failure")).ToContainTextAsync("Failed: not a valid number.");
        await Expect(Row("+15005550001").Locator(".conv-failure")).ToHaveTextAsync("⚠ Failed: not a valid number (21211)");
        await Expect(Page.Locator("#composer-text")).ToHaveValueAsync("Hello?");
    }

    [Test]
    public async Task Signing_in_twice_at_once_opens_one_event_stream_and_signing_out_closes_it()
    {
        var streams = 0;
        Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/events", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref streams);
            }
        };
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Page.RouteAsync("**/api/conversations*", async route =>
        {
            // A slow service: the sign-in form is still there for a second submit.
            await answer.Task;
            await route.ContinueAsync();
        });

        await Page.Locator("#api-key").FillAsync(DashboardApp.ApiKey);
        await Page.Locator("#api-key").PressAsync("Enter");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        answer.TrySetResult();
        await Expect(Page.Locator("#live")).ToHaveTextAsync("Live");
        await Page.UnrouteAllAsync();

        Assert.That(Volatile.Read(ref streams), Is.EqualTo(1));

        await Page.Locator("#sign-out").ClickAsync();
        await CustomerWrites("+14155550185", "Anyone there?", "Kai");
        await Page.Locator("#api-key").FillAsync(DashboardApp.ApiKey);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Expect(Page.Locator("#live")).ToHaveTextAsync("Live");
        await Expect(Row("+14155550185").Locator(".conv-count")).ToHaveTextAsync("1");
        Assert.That(Volatile.Read(ref streams), Is.EqualTo(2), "one stream for each sign-in, none left over from the first");
    }

    [Test]
    public async Task What_is_written_for_one_customer_stays_with_that_customer()
    {
        await CustomerWrites("+14155550181", "Is my refund through?", "Gus");
        await CustomerWrites("+14155550182", "Where is my parcel?", "Hedy");
        await SignIn();

        await Open("+14155550181", "Gus");
        await Page.Locator("#composer-text").FillAsync("Your refund is approved");
        await Open("+14155550182", "Hedy");
        await Expect(Page.Locator("#composer-text")).ToHaveValueAsync(string.Empty);
        await Page.Locator("#composer-text").FillAsync("It leaves today");
        await Open("+14155550181", "Gus");
        await Expect(Page.Locator("#composer-text")).ToHaveValueAsync("Your refund is approved");
        await Open("+14155550182", "Hedy");
        await Expect(Page.Locator("#composer-text")).ToHaveValueAsync("It leaves today");
    }

    [Test]
    public async Task A_send_answered_after_the_agent_moved_on_stays_with_its_customer_and_is_retried_to_them()
    {
        await CustomerWrites("+14155550183", "Can I get a refund?", "Ida");
        await CustomerWrites("+14155550184", "Hello?", "Jon");
        await SignIn();
        await Open("+14155550183", "Ida");
        var sends = new List<(string Key, string To)>();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Page.RouteAsync("**/api/messages", async route =>
        {
            sends.Add((route.Request.Headers["idempotency-key"], route.Request.PostDataJSON()!.Value.GetProperty("to").GetString()!));
            if (sends.Count > 1)
            {
                await route.ContinueAsync();
                return;
            }

            // The first send is handled by the service, but its answer comes late and then never arrives.
            held.TrySetResult();
            await release.Task;
            await route.FetchAsync();
            await route.AbortAsync();
        });
        var createsBefore = App.Emulator.CreateMessageRequests;

        await Reply("Your refund is approved");
        await held.Task;
        await Open("+14155550184", "Jon");
        release.TrySetResult();

        // Jon's composer is free again once Ida's send has its outcome, and shows nothing of it.
        await Expect(Page.Locator("#composer-send")).ToBeEnabledAsync();
        await Expect(Page.Locator("#composer-text")).ToHaveValueAsync(string.Empty);
        await Expect(Page.Locator("#composer-error")).ToHaveTextAsync(string.Empty);

        await Open("+14155550183", "Ida");
        await Expect(Page.Locator("#composer-text")).ToHaveValueAsync("Your refund is approved");
        await Expect(Page.Locator("#composer-error")).ToContainTextAsync("retry");
        await Page.Locator("#composer-send").ClickAsync();

        await Expect(Page.Locator("#composer-text")).ToHaveValueAsync(string.Empty);
        await Expect(Bubble("Your refund is approved", "outbound")).ToHaveCountAsync(1);
        Assert.Multiple(() =>
        {
            Assert.That(sends.Select(s => s.To), Is.EqualTo(new[] { "+14155550183", "+14155550183" }));
            Assert.That(sends.Select(s => s.Key).Distinct(), Has.Exactly(1).Items, "the retry carried the first attempt's key");
            Assert.That(App.Emulator.CreateMessageRequests - createsBefore, Is.EqualTo(1), "Twilio was asked once");
        });
    }

    [Test]
    public async Task A_send_whose_answer_is_lost_is_retried_with_the_same_idempotency_key_and_sent_once()
    {
        await CustomerWrites("+14155550140", "Can you call me?", "Finn");
        await SignIn();
        await Open("+14155550140", "Finn");
        var keys = new List<string>();
        var dropped = false;
        await Page.RouteAsync("**/api/messages", async route =>
        {
            keys.Add(route.Request.Headers["idempotency-key"]);
            if (dropped)
            {
                await route.ContinueAsync();
                return;
            }

            // The service handles the send, but its answer never reaches the browser.
            dropped = true;
            await route.FetchAsync();
            await route.AbortAsync();
        });
        var createsBefore = App.Emulator.CreateMessageRequests;

        await Reply("Calling you now");
        await Expect(Page.Locator("#composer-error")).ToContainTextAsync("retry");
        await Page.Locator("#composer-send").ClickAsync();

        await Expect(Page.Locator("#composer-text")).ToHaveValueAsync(string.Empty);
        await Expect(Bubble("Calling you now", "outbound")).ToHaveCountAsync(1);
        Assert.Multiple(() =>
        {
            Assert.That(keys, Has.Count.EqualTo(2));
            Assert.That(keys.Distinct(), Has.Exactly(1).Items, "the retry carried the first attempt's key");
            Assert.That(App.Emulator.CreateMessageRequests - createsBefore, Is.EqualTo(1), "Twilio was asked once");
        });
    }

    [Test]
    public async Task A_picture_from_the_customer_is_shown_as_a_thumbnail_fetched_with_the_key()
    {
        await CustomerWrites("+14155550160", "Here is the damage", "Hana", media: "image/png");
        await SignIn();

        await Row("+14155550160").Locator("button").ClickAsync();

        var thumbnail = Page.Locator("#messages .bubble.inbound img");
        await Expect(thumbnail).ToHaveAttributeAsync("src", BlobUrl());
        await Expect(thumbnail).ToHaveJSPropertyAsync("complete", true);
        Assert.That(await thumbnail.EvaluateAsync<int>("img => img.naturalWidth"), Is.GreaterThan(0), "the picture decoded");
    }

    [Test]
    public async Task A_customers_file_that_is_not_a_picture_is_saved_even_when_opened_in_a_tab_of_its_own()
    {
        // Its blob URL has the dashboard's origin: shown as a page there, an HTML file would run as part of the dashboard.
        await CustomerWrites("+14155550189", "See the attached page", "Max", media: "text/html");
        await SignIn();
        await Open("+14155550189", "Max");
        var link = Page.Locator("#messages .bubble.inbound .media a");
        await Expect(link).ToHaveAttributeAsync("href", BlobUrl());
        var url = await link.GetAttributeAsync("href");
        Assert.That(await Page.Locator("#messages .bubble.inbound img").CountAsync(), Is.Zero, "a file that is not a picture has no thumbnail");

        var tab = await Page.Context.NewPageAsync();
        await tab.GotoAsync("/health/live");
        var download = await tab.RunAndWaitForDownloadAsync(
            () => tab.EvaluateAsync("url => { location.href = url; }", url),
            new PageRunAndWaitForDownloadOptions { Timeout = 10_000 });

        Assert.That(download.Url, Is.EqualTo(url));
        await download.CancelAsync();
        await tab.CloseAsync();
    }

    [Test]
    public async Task Pictures_are_let_go_when_their_thread_closes_and_a_sign_out_leaves_nothing_behind()
    {
        await CustomerWrites("+14155550161", "First picture", "Ivo", media: "image/png");
        await CustomerWrites("+14155550162", "Second picture", "Jun", media: "image/png");
        await SignIn();
        await Open("+14155550161", "Ivo");
        var first = await ThumbnailUrl();
        await Open("+14155550162", "Jun");
        var second = await ThumbnailUrl();

        Assert.That(await Readable(first), Is.False, "the first thread's picture was revoked when the second opened");
        Assert.That(await Readable(second), Is.True);

        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();

        await Expect(Page.Locator("#api-key")).ToBeFocusedAsync();
        Assert.That(await Readable(second), Is.False, "signing out revoked the open thread's picture");
        await SignIn();
        await Expect(Row("+14155550162")).ToBeVisibleAsync();
        await Expect(Page.Locator("#thread-title")).ToHaveTextAsync("Select a conversation");
        await Expect(Page.Locator("#composer")).ToBeHiddenAsync();
        await Expect(Page.Locator("#messages > li")).ToHaveCountAsync(0);
        await Expect(Row("+14155550162").Locator("button")).Not.ToHaveAttributeAsync("aria-current", "true");
    }

    [Test]
    public async Task On_a_phone_sized_screen_the_list_and_the_thread_take_turns()
    {
        await CustomerWrites("+14155550150", "Small screen here", "Gus");
        await Page.SetViewportSizeAsync(390, 760);
        await SignIn();

        await Row("+14155550150").Locator("button").ClickAsync();
        await Expect(Bubble("Small screen here")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#conversations")).ToBeHiddenAsync();

        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Back to conversations" }).ClickAsync();
        await Expect(Page.Locator("#conversations")).ToBeVisibleAsync();
        await Expect(Page.Locator("#messages")).ToBeHiddenAsync();
        await Expect(Row("+14155550150").Locator("button")).ToBeFocusedAsync();
    }

    [GeneratedRegex("^blob:")]
    private static partial Regex BlobUrl();

    [GeneratedRegex("21211")]
    private static partial Regex TwilioCode21211();

    private async Task<string> ThumbnailUrl()
    {
        var thumbnail = Page.Locator("#messages .bubble.inbound img");
        await Expect(thumbnail).ToHaveJSPropertyAsync("complete", true);
        return (await thumbnail.GetAttributeAsync("src"))!;
    }

    // An image, because the page's policy lets blob URLs into images only; a revoked URL no longer loads.
    private Task<bool> Readable(string blobUrl) =>
        Page.EvaluateAsync<bool>(
            "url => new Promise(resolve => { const img = new Image(); img.onload = () => resolve(true); img.onerror = () => resolve(false); img.src = url; })",
            blobUrl);

    [Test]
    public async Task A_send_waiting_for_its_answer_holds_only_its_own_customers_send_button()
    {
        await CustomerWrites("+14155550187", "Has it shipped?", "Kai");
        await CustomerWrites("+14155550188", "Hi there", "Lea");
        await SignIn();
        await Open("+14155550187", "Kai");
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Page.RouteAsync("**/api/messages", async route =>
        {
            // Kai's send reaches the service only once Lea has had her answer.
            if (held.TrySetResult())
            {
                await release.Task;
            }

            await route.ContinueAsync();
        });

        await Reply("It ships today");
        await held.Task;
        await Expect(Page.Locator("#composer-send")).ToBeDisabledAsync();

        await Open("+14155550188", "Lea");
        await Expect(Page.Locator("#composer-send")).ToBeEnabledAsync();
        await Reply("Hello Lea");
        await Expect(Bubble("Hello Lea", "outbound")).ToHaveCountAsync(1);

        await Open("+14155550187", "Kai");
        await Expect(Page.Locator("#composer-send")).ToBeDisabledAsync();
        release.TrySetResult();
        await Expect(Bubble("It ships today", "outbound")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#composer-send")).ToBeEnabledAsync();
        await Expect(Page.Locator("#composer-text")).ToHaveValueAsync(string.Empty);
    }
}
