using Messaging.TwilioEmulator;

namespace Messaging.Dashboard.BrowserTests;

/// <summary>
/// The picker's Refresh reads the templates from Twilio again. A fixture of its own: it changes the emulator's
/// catalogue, which the service then keeps.
/// </summary>
[NonParallelizable]
public sealed class TemplateRefreshTests : DashboardFixture
{
    [Test]
    public async Task Refresh_shows_a_template_approved_at_twilio_since_the_list_was_read()
    {
        const string customer = "+14155550410";
        await App.StoreInbound(customer, DateTimeOffset.UtcNow.AddDays(-2), "Any news?", "Uma");
        await SignIn();
        await Open(customer, "Uma");
        var count = Page.Locator("#template-count");
        await Expect(count).ToHaveTextAsync("5 approved templates.");

        App.Emulator.ReplaceContentTemplates(SampleContentTemplates.All.Select(t =>
            t.Sid == SampleContentTemplates.PaymentDue ? t with { Approval = new WhatsAppApproval { Status = WhatsAppApprovalStatus.Approved } } : t));
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Refresh" }).ClickAsync();

        await Expect(count).ToHaveTextAsync("6 approved templates.");
        await Expect(Page.Locator("#template-choices label.template-choice", new PageLocatorOptions { HasText = "payment_due" })).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Refresh" })).ToBeEnabledAsync();
    }
}
