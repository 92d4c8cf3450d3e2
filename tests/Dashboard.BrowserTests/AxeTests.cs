namespace Messaging.Dashboard.BrowserTests;

/// <summary>
/// axe-core in Chromium finds no serious or critical accessibility problem in any state of the dashboard. Without the
/// npm packages these tests report themselves skipped, with the command that installs them.
/// </summary>
[NonParallelizable]
public sealed class AxeTests : DashboardFixture
{
    protected override bool BypassCsp => true;

    protected override string? MissingPrerequisite => AxeCore.ScriptPath is null
        ? $"axe-core is not installed: run `{AxeCore.InstallCommand}` to run the accessibility checks."
        : null;

    [Test]
    public async Task The_check_finds_a_serious_problem_when_there_is_one()
    {
        await Page.EvaluateAsync("""
            () => {
              const faint = Object.assign(document.createElement('p'), { textContent: 'Barely readable' });
              Object.assign(faint.style, { color: '#c8c8c8', background: '#ffffff' });
              document.querySelector('#sign-in-form').append(faint);
            }
            """);

        var violations = await AxeCore.SeriousViolations(Page);

        Assert.That(violations.Select(v => v.Id), Does.Contain("color-contrast"));
    }

    [Test]
    public async Task Sign_in()
    {
        await SignIn("not-a-key");
        await Expect(Page.Locator("#sign-in-error")).ToContainTextAsync("refused");

        await AssertNoSeriousViolations();
    }

    [Test]
    public async Task Inbox()
    {
        await CustomerWrites("+14155550300", "Where is my parcel?", "Vera");
        await CustomerWrites("+14155550301", "Thanks a lot", "Wim");
        await SignIn();
        await Expect(Row("+14155550301")).ToBeVisibleAsync();
        await Page.Locator("#new-contact").FillAsync("(415) 555-0302");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Find" }).ClickAsync();
        await Expect(Page.Locator("#new-contact-summary")).ToContainTextAsync("never written");

        await AssertNoSeriousViolations();
    }

    [Test]
    public async Task Thread()
    {
        await App.StoreInbound("+14155550310", DateTimeOffset.UtcNow.AddDays(-2), "An older question", "Xia");
        await CustomerWrites("+14155550310", "Here is the damage", "Xia", media: "image/png");
        await SignIn();
        await Open("+14155550310", "Xia");
        await Reply("Sorry to see that");
        await Expect(Bubble("Sorry to see that", "outbound")).ToHaveAttributeAsync("data-status", "read");
        await Expect(Page.Locator("#messages .bubble.inbound img")).ToHaveJSPropertyAsync("complete", true);

        await AssertNoSeriousViolations();
    }

    [Test]
    public async Task Failed_state()
    {
        await CustomerWrites("+15005550020", "Call me", "Yan");
        await CustomerWrites("+15005550001", "Hello", "Zoe");
        await SignIn();
        await Open("+15005550020", "Yan");
        await Reply("Calling now");
        await Expect(Bubble("Calling now", "outbound")).ToHaveAttributeAsync("data-status", "undelivered");
        await Open("+15005550001", "Zoe");
        await Reply("Hi Zoe");
        await Expect(Page.Locator("#composer-error")).ToContainTextAsync("Twilio rejected the message.");
        await Expect(Row("+15005550020").Locator(".conv-failure")).ToBeVisibleAsync();

        await AssertNoSeriousViolations();
    }

    [Test]
    public async Task Template_picker()
    {
        await App.StoreInbound("+14155550330", DateTimeOffset.UtcNow.AddDays(-2), "Still there?", "Ada");
        await SignIn();
        await Open("+14155550330", "Ada");
        await Page.Locator("#template-choices label.template-choice", new PageLocatorOptions { HasText = "appointment_reminder" }).ClickAsync();
        await Page.Locator("#template-var-1").FillAsync("Ada");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send template" }).ClickAsync();
        await Expect(Page.Locator("#template-var-2")).ToHaveAttributeAsync("aria-invalid", "true");

        await AssertNoSeriousViolations();
    }

    [Test]
    public async Task Window_closing_soon()
    {
        await App.StoreInbound("+14155550331", DateTimeOffset.UtcNow.AddHours(-23), "Quick one", "Bea");
        await SignIn();
        await Open("+14155550331", "Bea");
        await Expect(Page.Locator("#window-note")).ToHaveAttributeAsync("data-window", "closing");

        await AssertNoSeriousViolations();
    }

    private async Task AssertNoSeriousViolations()
    {
        var violations = await AxeCore.SeriousViolations(Page);
        Assert.That(violations, Is.Empty, string.Join(Environment.NewLine, violations));
    }
}
