namespace Messaging.Dashboard.BrowserTests;

/// <summary>
/// Starting a conversation from a number typed as people type it; the service reads it with the default region's
/// rules (US here) and the dashboard shows the result before opening anything.
/// </summary>
[NonParallelizable]
public sealed class NewConversationTests : DashboardFixture
{
    private ILocator Field => Page.Locator("#new-contact");

    private ILocator Summary => Page.Locator("#new-contact-summary");

    private ILocator OpenButton => Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Open conversation" });

    [Test]
    public async Task A_local_number_is_shown_normalised_and_says_only_a_template_reaches_a_customer_who_never_wrote()
    {
        await SignIn();

        await Field.FillAsync("(415) 555-0170");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Find" }).ClickAsync();

        await Expect(Summary).ToHaveTextAsync("+1 415-555-0170 has never written: only an approved template reaches them until they do.");
        await Expect(OpenButton).ToBeFocusedAsync();
        await Expect(Page.Locator("#thread-title")).ToHaveTextAsync("Select a conversation");

        await OpenButton.ClickAsync();

        await Expect(Page.Locator("#thread-title")).ToHaveTextAsync("+1 415-555-0170");
        await Expect(Page.Locator("#window-note")).ToContainTextAsync("never written");
        await Expect(Page.Locator("#messages")).ToContainTextAsync("No messages yet.");
        await Expect(Field).ToHaveValueAsync(string.Empty);

        // Only a template reaches them, so the composer is the template picker from the start.
        await Expect(Page.Locator("#template-search")).ToBeFocusedAsync();
        await Expect(Page.Locator("#composer-text")).ToBeHiddenAsync();
    }

    [Test]
    public async Task A_customer_who_wrote_opens_with_their_messages_all_from_the_keyboard()
    {
        await CustomerWrites("+14155550171", "I need help with my order", "Pia");
        await SignIn();

        await Field.FillAsync("415 555 0171");
        await Field.PressAsync("Enter");
        await Expect(Summary).ToContainTextAsync("+1 415-555-0171 has written: messages can be sent until");
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.Locator("#thread-title")).ToHaveTextAsync("Pia · +14155550171");
        await Expect(Bubble("I need help with my order")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#window-note")).ToContainTextAsync("Free-form replies reach the customer until");
        await Expect(Page.Locator("#composer-text")).ToBeFocusedAsync();
        await Expect(Page.Locator("#template-composer")).ToBeHiddenAsync();
        await Expect(Row("+14155550171").Locator("button")).ToHaveAttributeAsync("aria-current", "true");
    }

    [Test]
    public async Task A_number_the_service_cannot_read_is_explained_next_to_the_field()
    {
        var lookups = new List<string>();
        Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/contacts/lookup", StringComparison.Ordinal))
            {
                lookups.Add(new Uri(request.Url).Query);
            }
        };
        await SignIn();

        await Field.FillAsync("12");
        await Field.PressAsync("Enter");

        var error = Page.Locator("#new-contact-error");
        await Expect(error).ToHaveTextAsync("That is not a phone number: it has too few or too many digits for a US number.");
        await Expect(Field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#new-contact-result")).ToBeHiddenAsync();
        Assert.That(lookups, Is.EqualTo(new[] { "?number=12" }), "the service, not the dashboard, judged the number");

        await Field.FillAsync("+999 1234 5678");
        await Field.PressAsync("Enter");
        await Expect(error).ToHaveTextAsync("No country uses that country code.");

        await Field.FillAsync("+1 415");
        await Expect(error).ToBeEmptyAsync();
        await Expect(Field).Not.ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Test]
    public async Task A_conversation_opened_by_number_beyond_the_loaded_list_closes_its_window_on_time()
    {
        const string customer = "+14155550462";
        var now = DateTimeOffset.UtcNow;
        await App.StoreInbound(customer, now.AddHours(-24).AddMinutes(2.5), "Still there?", "Yan");
        for (var i = 0; i < 30; i++)
        {
            await App.StoreInbound($"+141555505{i:D2}", now.AddHours(-1).AddSeconds(i), $"Customer {i}", $"Customer {i}");
        }

        // The page's clock starts a little before now and runs until the test stops it, then moves only when told.
        await Page.Clock.InstallAsync(new ClockInstallOptions { TimeDate = now.UtcDateTime.AddMinutes(-1) });
        await Page.GotoAsync("/");
        await SignIn();
        await Expect(Rows).ToHaveCountAsync(30);
        await Expect(Row(customer)).ToHaveCountAsync(0);
        await Field.FillAsync("415 555 0462");
        await Field.PressAsync("Enter");
        await Expect(Summary).ToContainTextAsync("has written");
        await OpenButton.ClickAsync();
        await Page.Clock.PauseAtAsync(now.UtcDateTime.AddSeconds(5));

        var note = Page.Locator("#window-note");
        await Expect(note).ToContainTextAsync("closes in 3 min");

        // The clock runs on, ten seconds at a time, to five seconds past the end of the window: the composer turned into
        // the template picker when it ended, not at the next minute.
        for (var step = 0; step < 15; step++)
        {
            await Page.Clock.RunForAsync(10_000);
        }

        await Expect(note).ToContainTextAsync("the window closed");
        await Expect(Page.Locator("#composer-text")).ToBeHiddenAsync();
    }
}
