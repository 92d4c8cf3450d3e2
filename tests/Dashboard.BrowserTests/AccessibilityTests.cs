namespace Messaging.Dashboard.BrowserTests;

/// <summary>Keyboard focus goes where the next step is, and every control is big enough for a finger.</summary>
[NonParallelizable]
public sealed class AccessibilityTests : DashboardFixture
{
    // Every visible button and field smaller than 44 × 44 CSS pixels, described.
    private const string SmallControls = """
        () => [...document.querySelectorAll('button, input, textarea, select')]
          .filter(e => e.checkVisibility())
          .map(e => ({ e, box: e.getBoundingClientRect() }))
          .filter(({ box }) => box.width < 44 || box.height < 44)
          .map(({ e, box }) => `${e.id || e.textContent.trim() || e.outerHTML.slice(0, 60)}: ${box.width}×${box.height}`)
        """;

    [Test]
    public async Task Focus_is_on_the_key_then_the_list_then_the_composer_after_each_send()
    {
        await CustomerWrites("+14155550270", "Hello from Sam", "Sam");
        await CustomerWrites("+14155550271", "Hello from Tia", "Tia");
        await Expect(Page.Locator("#api-key")).ToBeFocusedAsync();

        await Page.Keyboard.TypeAsync(DashboardApp.ApiKey);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Row("+14155550271").Locator("button")).ToBeFocusedAsync();

        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(Row("+14155550270").Locator("button")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#thread-title")).ToHaveTextAsync("Sam · +14155550270");
        await Expect(Page.Locator("#composer-text")).ToBeFocusedAsync();

        await Page.Keyboard.TypeAsync("On my way");
        await Page.Locator("#composer-send").ClickAsync();
        await Expect(Bubble("On my way", "outbound")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#composer-text")).ToBeFocusedAsync();
        await Expect(Page.Locator("#composer-text")).ToHaveValueAsync(string.Empty);
    }

    [Test]
    public async Task Every_control_is_at_least_44_pixels_on_a_desk_and_on_a_phone()
    {
        await CustomerWrites("+14155550272", "Tap targets", "Ugo");
        Assert.That(await Page.EvaluateAsync<string[]>(SmallControls), Is.Empty, "sign-in");
        await SignIn();
        await Page.Locator("#new-contact").FillAsync("(415) 555-0273");
        await Page.Locator("#new-contact").PressAsync("Enter");
        await Expect(Page.Locator("#new-contact-result")).ToBeVisibleAsync();
        await Open("+14155550272", "Ugo");

        Assert.That(await Page.EvaluateAsync<string[]>(SmallControls), Is.Empty, "desk");

        await Page.SetViewportSizeAsync(390, 760);
        Assert.That(await Page.EvaluateAsync<string[]>(SmallControls), Is.Empty, "phone, thread");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Back to conversations" }).ClickAsync();
        Assert.That(await Page.EvaluateAsync<string[]>(SmallControls), Is.Empty, "phone, list");
    }

    [Test]
    public async Task The_template_picker_works_from_the_keyboard_alone_with_targets_of_44_pixels()
    {
        await App.StoreInbound("+14155550274", DateTimeOffset.UtcNow.AddDays(-2), "Hello?", "Vic");
        await SignIn();
        await Open("+14155550274", "Vic");
        await Expect(Page.Locator("#template-search")).ToBeFocusedAsync();
        await Expect(Page.Locator("#template-count")).ToHaveTextAsync("5 approved templates.");

        // Tab past Refresh to the list of templates; arrows choose; Tab goes on to the first field.
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.Locator("#template-refresh")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("ArrowDown");
        var chosen = Page.Locator("#template-choices input:checked");
        await Expect(chosen).ToHaveCountAsync(1);
        await Expect(chosen).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.Locator("#template-fields input").First).ToBeFocusedAsync();
        Assert.That(await Page.EvaluateAsync<string[]>(SmallControls), Is.Empty, "desk, picker");

        await Page.SetViewportSizeAsync(390, 760);
        Assert.That(await Page.EvaluateAsync<string[]>(SmallControls), Is.Empty, "phone, picker");
    }
}
