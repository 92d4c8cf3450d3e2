using Messaging.TwilioEmulator;

namespace Messaging.Dashboard.BrowserTests;

/// <summary>
/// Reaching a customer after 24 hours: the window shown for each conversation, and the composer turned into a picker
/// of approved templates once it has closed.
/// </summary>
[NonParallelizable]
public sealed class TemplatePickerTests : DashboardFixture
{
    private ILocator Search => Page.Locator("#template-search");

    private ILocator Picker => Page.Locator("#template-composer");

    private ILocator Choices => Page.Locator("#template-choices label.template-choice");

    private ILocator Preview => Page.Locator("#template-preview");

    private ILocator Field(string name) => Page.Locator($"#template-var-{name}");

    [Test]
    public async Task After_24_hours_the_agent_finds_a_template_fills_it_in_previews_and_sends_what_the_customer_then_reads()
    {
        const string customer = "+14155550400";
        await App.StoreInbound(customer, DateTimeOffset.UtcNow.AddDays(-2), "Is my order on its way?", "Rosa");
        var sends = new List<(string? Key, string Body)>();
        Page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/api/messages", StringComparison.Ordinal))
            {
                sends.Add((request.Headers.GetValueOrDefault("idempotency-key"), request.PostData ?? string.Empty));
            }
        };
        await SignIn();
        await Open(customer, "Rosa");

        await Expect(Page.Locator("#window-note")).ToContainTextAsync("the window closed");
        await Expect(Page.Locator("#composer-text")).ToBeHiddenAsync();
        await Expect(Picker).ToBeVisibleAsync();
        await Expect(Search).ToBeFocusedAsync();
        await Expect(Page.Locator("#template-count")).ToHaveTextAsync("5 approved templates.");
        await Expect(Choices.Locator(".choice-name")).ToHaveTextAsync(
            ["appointment_reminder", "invoice_ready", "order_shipped_es", "order_shipped_pt_br", "support_follow_up"]);

        await Search.FillAsync("order es");
        await Expect(Choices.Locator(".choice-name")).ToHaveTextAsync(["order_shipped_es"]);
        await Expect(Page.Locator("#template-count")).ToHaveTextAsync("1 of 5 approved templates match.");
        await Search.PressAsync("Enter");

        await Expect(Field("1")).ToBeFocusedAsync();
        await Expect(Page.Locator("#template-var-1-hint")).ToHaveTextAsync("For example: Lucía");
        await Expect(Preview).ToHaveTextAsync("Hola {{1}}, tu pedido {{2}} ya está en camino.");
        await Page.Keyboard.TypeAsync("Rosa");
        await Expect(Preview).ToHaveTextAsync("Hola Rosa, tu pedido {{2}} ya está en camino.");
        await Field("2").FillAsync("#7781");
        await Expect(Preview).ToHaveTextAsync("Hola Rosa, tu pedido #7781 ya está en camino.");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send template" }).ClickAsync();

        const string received = "Hola Rosa, tu pedido #7781 ya está en camino.";
        var bubble = Bubble(received, "outbound");
        await Expect(bubble).ToHaveCountAsync(1);
        await Expect(bubble.Locator(".template-tag")).ToBeVisibleAsync();
        await Expect(Row(customer).Locator(".conv-preview")).ToHaveTextAsync("You: " + received);
        await Expect(bubble).ToHaveAttributeAsync("data-status", "read");
        await Expect(Search).ToBeFocusedAsync();
        await Expect(Search).ToHaveValueAsync(string.Empty);
        await Expect(Page.Locator("#template-preview-box")).ToBeHiddenAsync();

        var sent = App.Emulator.Messages[^1];
        Assert.Multiple(() =>
        {
            Assert.That(sent.ContentSid, Is.EqualTo(SampleContentTemplates.OrderShippedSpanish));
            Assert.That(sent.Body, Is.EqualTo(received), "Twilio's own rendering says the same");
            Assert.That(sends, Has.Count.EqualTo(1));
            Assert.That(sends[0].Key, Is.Not.Null.And.Not.Empty, "the send carried an Idempotency-Key");
            using var payload = JsonDocument.Parse(sends[0].Body);
            Assert.That(payload.RootElement.GetProperty("contentSid").GetString(), Is.EqualTo(SampleContentTemplates.OrderShippedSpanish));
            Assert.That(payload.RootElement.GetProperty("contentVariables").GetProperty("2").GetString(), Is.EqualTo("#7781"));
        });
    }

    [Test]
    public async Task A_variable_left_empty_is_pointed_out_at_its_field_and_nothing_is_sent()
    {
        const string customer = "+14155550401";
        await App.StoreInbound(customer, DateTimeOffset.UtcNow.AddDays(-3), "Hello?", "Saul");
        var createsBefore = App.Emulator.CreateMessageRequests;
        await SignIn();
        await Open(customer, "Saul");

        await Choices.Filter(new LocatorFilterOptions { HasText = "appointment_reminder" }).ClickAsync();
        await Field("1").FillAsync("Saul");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send template" }).ClickAsync();

        await Expect(Field("2")).ToBeFocusedAsync();
        await Expect(Field("2")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#template-var-2-error")).ToHaveTextAsync("Fill this in.");
        await Expect(Page.Locator("#template-error")).ToHaveTextAsync("Fill in every variable.");
        await Field("2").FillAsync("Friday");
        await Expect(Field("2")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#template-error")).ToBeEmptyAsync();
        await Expect(Preview).ToHaveTextAsync(
            "Hi Saul, this is a reminder of your appointment on Friday. Reply to this message if you need to change it.");
        Assert.That(App.Emulator.CreateMessageRequests, Is.EqualTo(createsBefore));
    }

    [Test]
    public async Task A_new_conversation_with_someone_who_never_wrote_starts_at_the_picker()
    {
        await SignIn();
        await Page.Locator("#new-contact").FillAsync("(415) 555-0402");
        await Page.Locator("#new-contact").PressAsync("Enter");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Open conversation" }).ClickAsync();

        await Expect(Page.Locator("#window-note")).ToHaveTextAsync("This customer has never written: only an approved template reaches them until they do.");
        await Expect(Search).ToBeFocusedAsync();
        await Choices.Filter(new LocatorFilterOptions { HasText = "support_follow_up" }).ClickAsync();
        await Field("1").FillAsync("Tom");
        await Field("2").FillAsync("your refund");
        await Field("2").PressAsync("Enter");

        await Expect(Bubble("Hi Tom, did we solve your problem with your refund?", "outbound")).ToHaveCountAsync(1);
        await Expect(Row("+14155550402").Locator(".conv-preview")).ToHaveTextAsync("You: Hi Tom, did we solve your problem with your refund?");
        await Expect(Row("+14155550402").Locator(".conv-window")).ToHaveTextAsync("Template only");
    }

    [Test]
    public async Task An_open_window_counts_down_its_last_hours_and_the_composer_becomes_the_picker_when_it_closes()
    {
        const string customer = "+14155550404";
        var now = DateTimeOffset.UtcNow;
        await App.StoreInbound(customer, now.AddHours(-24).AddMinutes(2.5), "Quick question", "Vik");
        await App.StoreInbound("+14155550405", now.AddHours(-1), "Thanks", "Wes");

        // The page's clock starts a little before now and runs until the test stops it, then moves only when told.
        await Page.Clock.InstallAsync(new ClockInstallOptions { TimeDate = now.UtcDateTime.AddMinutes(-1) });
        await Page.GotoAsync("/");
        await SignIn();
        await Open(customer, "Vik");
        await Page.Clock.PauseAtAsync(now.UtcDateTime.AddSeconds(5));

        var note = Page.Locator("#window-note");
        var rowWindow = Row(customer).Locator(".conv-window");
        await Expect(note).ToContainTextAsync("The window for free-form replies closes in 3 min");
        await Expect(note).ToHaveAttributeAsync("data-window", "closing");
        await Expect(rowWindow).ToHaveTextAsync("Closes in 3 min");
        await Expect(Row("+14155550405").Locator(".conv-window")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Open until "));
        await Expect(Page.Locator("#composer-text")).ToBeVisibleAsync();
        await Page.Locator("#composer-text").FocusAsync();

        await Page.Clock.FastForwardAsync("01:00");
        await Expect(note).ToContainTextAsync("closes in 2 min");
        await Expect(rowWindow).ToHaveTextAsync("Closes in 2 min");

        await Page.Clock.FastForwardAsync("01:30");
        await Expect(note).ToContainTextAsync("the window closed");
        await Expect(rowWindow).ToHaveTextAsync("Window closed");
        await Expect(Page.Locator("#composer-text")).ToBeHiddenAsync();
        await Expect(Picker).ToBeVisibleAsync();
        await Expect(Search).ToBeFocusedAsync();
    }
}
