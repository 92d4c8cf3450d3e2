using Twilio.Rest.Content.V1;

namespace Messaging.Infrastructure.IntegrationTests.Twilio;

/// <summary>
/// Shapes of Twilio's ContentAndApprovals records the emulator does not produce, parsed by the SDK itself and read
/// as WhatsApp sees them.
/// </summary>
public sealed class ContentTemplateReaderTests
{
    private const string Sid = "HX0123456789abcdef0123456789abcdef";

    [Test]
    public void The_type_submitted_for_approval_is_the_one_whatsapp_sends()
    {
        var template = Read("""
            "types": {
              "twilio/text": { "body": "Hi {{1}}, reply YES or NO." },
              "twilio/quick-reply": { "body": "Hi {{1}}, is {{2}} still right?", "actions": [ { "title": "Yes", "id": "yes" } ] }
            },
            "approval_requests": { "name": "confirm", "category": "UTILITY", "content_type": "twilio/quick-reply", "status": "approved", "rejection_reason": "" }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(template.ContentType, Is.EqualTo("twilio/quick-reply"));
            Assert.That(template.Text, Is.EqualTo("Hi {{1}}, is {{2}} still right?"));
            Assert.That(template.Variables.Select(v => v.Name), Is.EqualTo((string[])["1", "2"]));
            Assert.That(template.ApprovalStatus, Is.EqualTo("approved"));
            Assert.That(template.RejectionReason, Is.Empty);
            Assert.That(template.Category, Is.EqualTo("UTILITY"));
        });
    }

    [Test]
    public void Without_a_submitted_type_the_richer_type_beside_plain_text_is_the_one_whatsapp_sends()
    {
        var template = Read("""
            "types": {
              "twilio/text": { "body": "Your invoice {{1}}: {{2}}" },
              "twilio/media": { "body": "Your invoice {{1}} is attached.", "media": [ "https://example.com/invoices/{{3}}.pdf" ] }
            }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(template.ContentType, Is.EqualTo("twilio/media"));
            Assert.That(template.Text, Is.EqualTo("Your invoice {{1}} is attached."));
            Assert.That(template.Variables.Select(v => v.Name), Is.EqualTo((string[])["1", "3"]), "a variable of the media URL needs a value too");
            Assert.That(template.ApprovalStatus, Is.Null, "no approval reported is not an approval status");
        });
    }

    [Test]
    public void An_approval_nested_under_whatsapp_is_read_as_well()
    {
        var template = Read("""
            "types": { "twilio/text": { "body": "Hello" } },
            "approval_requests": { "whatsapp": { "status": "paused", "rejection_reason": "", "category": "MARKETING", "content_type": "twilio/text" } }
            """);

        Assert.That(template.ApprovalStatus, Is.EqualTo("paused"));
        Assert.That(template.Category, Is.EqualTo("MARKETING"));
    }

    [Test]
    public void Statuses_are_taken_as_written_never_completed_with_a_guess()
    {
        var unknown = Read("""
            "types": { "twilio/text": { "body": "Hello" } },
            "approval_requests": { "status": "in_appeal", "rejection_reason": null }
            """);
        var number = Read("""
            "types": { "twilio/text": { "body": "Hello" } },
            "approval_requests": { "status": 3 }
            """);
        var empty = Read("""
            "types": { "twilio/text": { "body": "Hello" } },
            "approval_requests": { "status": "" }
            """);
        var none = Read("""
            "types": { "twilio/text": { "body": "Hello" } },
            "approval_requests": null
            """);

        Assert.Multiple(() =>
        {
            Assert.That(unknown.ApprovalStatus, Is.EqualTo("in_appeal"));
            Assert.That(unknown.RejectionReason, Is.Null);
            Assert.That(number.ApprovalStatus, Is.EqualTo("3"));
            Assert.That(empty.ApprovalStatus, Is.Empty);
            Assert.That(none.ApprovalStatus, Is.Null);
            Assert.That(new[] { unknown, number, empty, none }.Select(t => t.IsApprovedForWhatsApp), Has.All.False);
        });
    }

    [Test]
    public void A_card_shows_its_title_and_its_buttons_variables_need_values()
    {
        var template = Read("""
            "types": {
              "twilio/card": { "title": "Order {{1}} is ready", "actions": [ { "type": "URL", "title": "Track", "url": "https://example.com/track/{{2}}" } ] }
            },
            "variables": { "1": "#4821", "2": "abc", "9": "unused sample" }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(template.Text, Is.EqualTo("Order {{1}} is ready"));
            Assert.That(template.Variables.Select(v => (v.Name, v.Sample)), Is.EqualTo(new[] { ("1", "#4821"), ("2", "abc") }));
        });
    }

    [Test]
    public void A_template_without_types_takes_its_variables_from_the_samples()
    {
        var template = Read("""
            "types": {},
            "variables": { "2": "b", "1": "a" }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(template.ContentType, Is.Empty);
            Assert.That(template.Text, Is.Null);
            Assert.That(template.Variables.Select(v => v.Name), Is.EqualTo((string[])["1", "2"]));
        });
    }

    [Test]
    public void A_record_without_a_sid_is_left_out()
    {
        var resource = ContentAndApprovalsResource.FromJson("""{ "friendly_name": "orphan", "types": { "twilio/text": { "body": "x" } } }""");

        Assert.That(ContentTemplateReader.Read(resource), Is.Null);
    }

    private static Messaging.Application.Common.Models.ContentTemplate Read(string fields) =>
        ContentTemplateReader.Read(ContentAndApprovalsResource.FromJson(
            $$"""{ "sid": "{{Sid}}", "friendly_name": "sample", "language": "en", {{fields}} }"""))!;
}
