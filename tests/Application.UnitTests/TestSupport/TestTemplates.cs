using Messaging.Application.Templates;
using Messaging.Domain.Templates;
using Microsoft.Extensions.Options;

namespace Messaging.Application.UnitTests.TestSupport;

/// <summary>Content templates as the Twilio port would report them, and the catalogue and guard over them.</summary>
public static class TestTemplates
{
    /// <summary>Approved, <c>Hi {{1}}, your appointment is on {{2}}.</c></summary>
    public const string Reminder = "HX0123456789abcdef0123456789abcdef";

    public const string ReminderText = "Hi {{1}}, your appointment is on {{2}}.";

    public static ContentTemplate Template(
        string sid = Reminder,
        string friendlyName = "appointment_reminder",
        string? text = ReminderText,
        string? status = ContentTemplate.Approved,
        string language = "en",
        string? rejectionReason = null) => new()
        {
            Sid = sid,
            FriendlyName = friendlyName,
            Language = language,
            ContentType = "twilio/text",
            Text = text,
            Variables = [.. TemplateText.VariablesIn(text).Select(name => new TemplateVariable(name, "sample " + name))],
            ApprovalStatus = status,
            RejectionReason = rejectionReason,
            Category = "UTILITY",
        };

    /// <summary>A port that answers every read with <paramref name="templates"/>, counting the reads.</summary>
    public static Mock<IContentTemplateSource> Source(params ContentTemplate[] templates)
    {
        var source = new Mock<IContentTemplateSource>(MockBehavior.Strict);
        source.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(templates);
        return source;
    }

    public static IOptionsMonitor<TemplateOptions> Options(int cacheSeconds = 300, int recheckSeconds = 30) =>
        Mock.Of<IOptionsMonitor<TemplateOptions>>(m =>
            m.CurrentValue == new TemplateOptions { CacheSeconds = cacheSeconds, RecheckSeconds = recheckSeconds });

    public static TemplateSendGuard Guard(IContentTemplateSource source, TimeProvider timeProvider, IOptionsMonitor<TemplateOptions>? options = null)
    {
        options ??= Options();
        return new TemplateSendGuard(new TemplateCatalogue(source, timeProvider, options), options);
    }
}
