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
}
