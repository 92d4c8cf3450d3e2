using MediatR;
using Messaging.Application.Messages.Commands.SendMessage;

namespace Messaging.Application.UnitTests.Messages.Commands.SendMessage;

/// <summary>
/// Template sends through the mediator, with the Twilio ports mocked: what the account's catalogue says decides
/// whether Twilio is called at all, and what is stored.
/// </summary>
public sealed class SendMessageTemplateTests
{
    private const string Pending = "HXf883ef45928d11a96c57958e647f8079";
    private const string Unknown = "HXffffffffffffffffffffffffffffffff";

    private SendPorts _ports = null!;
    private Mock<IContentTemplateSource> _source = null!;
    private FakeTimeProvider _time = null!;
    private List<ContentTemplate> _catalogue = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public void SetUp()
    {
        _ports = new SendPorts();
        _time = new FakeTimeProvider(ApplicationServices.Now);
        _catalogue = [TestTemplates.Template(), TestTemplates.Template(Pending, "payment_due", "Pay {{1}} by {{2}}", "pending")];
        _source = new Mock<IContentTemplateSource>(MockBehavior.Strict);

        // A copy per read, so a test that changes the catalogue afterwards changes only later reads.
        _source.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => [.. _catalogue]);
        _services = ApplicationServices.Build(_ports.Gateway.Object, _ports.Repository.Object, templates: _source.Object, timeProvider: _time);
    }

    [TearDown]
    public void TearDown() => _services.Dispose();

    [Test]
    public async Task An_approved_template_with_exactly_its_variables_is_sent_and_stored_with_the_rendered_text()
    {
        var dto = await Send(TestTemplates.Reminder, ("2", "Monday at 9"), ("1", "Ana"));

        Assert.That(dto.Body, Is.EqualTo("Hi Ana, your appointment is on Monday at 9."));
        Assert.That(_ports.Stored.Single().Body, Is.EqualTo(dto.Body));
        _ports.Gateway.Verify(g => g.SendAsync(It.Is<TwilioSendRequest>(r => r.ContentSid == TestTemplates.Reminder && r.Body == null), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task An_unknown_template_is_refused_before_twilio()
    {
        var thrown = await Assert.ThrowsAsync<TemplateNotSendableException>(() => Send(Unknown, ("1", "Ana")));

        Assert.Multiple(() =>
        {
            Assert.That(thrown!.ContentSid, Is.EqualTo(Unknown));
            Assert.That(thrown.Message, Does.Contain("has no content template " + Unknown));
            Assert.That(thrown.ApprovalStatus, Is.Null);
        });
        NothingSentOrStored();
    }

    [TestCase("pending")]
    [TestCase("received")]
    [TestCase("unsubmitted")]
    [TestCase("paused")]
    [TestCase("disabled")]
    [TestCase("in_appeal")]
    [TestCase("")]
    public async Task A_template_whatsapp_has_not_approved_is_refused_with_the_status_twilio_reports(string status)
    {
        _catalogue = [TestTemplates.Template(status: status)];

        var thrown = await Assert.ThrowsAsync<TemplateNotSendableException>(() => Send(TestTemplates.Reminder, ("1", "Ana"), ("2", "Monday")));

        Assert.That(thrown!.ApprovalStatus, Is.EqualTo(status));
        Assert.That(thrown.Message, Does.Contain($"its WhatsApp approval status is '{status}'"));
        NothingSentOrStored();
    }

    [Test]
    public async Task A_template_twilio_reports_no_approval_for_is_not_taken_as_approved()
    {
        _catalogue = [TestTemplates.Template(status: null)];

        var thrown = await Assert.ThrowsAsync<TemplateNotSendableException>(() => Send(TestTemplates.Reminder, ("1", "Ana"), ("2", "Monday")));

        Assert.That(thrown!.Message, Does.Contain("Twilio reports no WhatsApp approval for it"));
        NothingSentOrStored();
    }

    [Test]
    public async Task A_rejected_template_is_refused_with_whatsapps_reason()
    {
        _catalogue = [TestTemplates.Template(status: "rejected", rejectionReason: "TAG_CONTENT_MISMATCH")];

        var thrown = await Assert.ThrowsAsync<TemplateNotSendableException>(() => Send(TestTemplates.Reminder, ("1", "Ana"), ("2", "Monday")));

        Assert.That(thrown!.Message, Does.Contain("'rejected' (TAG_CONTENT_MISMATCH)"));
        NothingSentOrStored();
    }

    [Test]
    public async Task An_approval_status_in_capitals_is_still_approved()
    {
        _catalogue = [TestTemplates.Template(status: "APPROVED")];

        var dto = await Send(TestTemplates.Reminder, ("1", "Ana"), ("2", "Monday"));

        Assert.That(dto.Body, Is.EqualTo("Hi Ana, your appointment is on Monday."));
    }

    [Test]
    public async Task Missing_variables_are_refused_and_named_instead_of_twilio_filling_in_sample_values()
    {
        var thrown = await Assert.ThrowsAsync<TemplateNotSendableException>(() => Send(TestTemplates.Reminder, ("1", "Ana")));

        Assert.Multiple(() =>
        {
            Assert.That(thrown!.MissingVariables, Is.EqualTo((string[])["2"]));
            Assert.That(thrown.ExtraVariables, Is.Empty);
            Assert.That(thrown.Message, Does.Contain("takes the variables 1, 2; missing: 2"));
        });
        NothingSentOrStored();
    }

    [Test]
    public async Task Variables_the_template_does_not_have_are_refused_and_named()
    {
        var thrown = await Assert.ThrowsAsync<TemplateNotSendableException>(
            () => Send(TestTemplates.Reminder, ("1", "Ana"), ("2", "Monday"), ("10", "x"), ("3", "y"), ("name", "z")));

        Assert.Multiple(() =>
        {
            Assert.That(thrown!.MissingVariables, Is.Empty);
            Assert.That(thrown.ExtraVariables, Is.EqualTo((string[])["3", "10", "name"]));
            Assert.That(thrown.Message, Does.Contain("not in the template: 3, 10, name"));
        });
        NothingSentOrStored();
    }

    [Test]
    public async Task Missing_and_extra_variables_are_named_together()
    {
        var thrown = await Assert.ThrowsAsync<TemplateNotSendableException>(() => Send(TestTemplates.Reminder, ("2", "Monday"), ("3", "x")));

        Assert.That(thrown!.MissingVariables, Is.EqualTo((string[])["1"]));
        Assert.That(thrown.ExtraVariables, Is.EqualTo((string[])["3"]));
        NothingSentOrStored();
    }

    [Test]
    public async Task A_template_without_variables_is_sent_without_any()
    {
        _catalogue = [TestTemplates.Template(text: "Your order has shipped.")];

        var dto = await Send(TestTemplates.Reminder);

        Assert.That(dto.Body, Is.EqualTo("Your order has shipped."));
    }

    [Test]
    public async Task A_template_without_text_is_stored_without_a_body()
    {
        _catalogue = [TestTemplates.Template(text: null)];

        var dto = await Send(TestTemplates.Reminder);

        Assert.That(dto.Body, Is.Null);
        Assert.That(_ports.Stored.Single().ContentSid, Is.EqualTo(TestTemplates.Reminder));
    }

    [Test]
    public async Task The_catalogue_is_read_once_for_many_sends()
    {
        for (var i = 0; i < 3; i++)
        {
            await Send(TestTemplates.Reminder, ("1", "Ana"), ("2", $"day {i}"));
        }

        _source.Verify(s => s.ListAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_template_approved_since_the_last_read_is_sent_once_the_recheck_age_has_passed()
    {
        await Assert.ThrowsAsync<TemplateNotSendableException>(() => Send(Pending, ("1", "$5"), ("2", "Friday")));
        _catalogue = [TestTemplates.Template(Pending, "payment_due", "Pay {{1}} by {{2}}")];

        // Younger than the recheck age: refused at once from what was read, without asking Twilio again.
        _time.Advance(TimeSpan.FromSeconds(29));
        await Assert.ThrowsAsync<TemplateNotSendableException>(() => Send(Pending, ("1", "$5"), ("2", "Friday")));
        _source.Verify(s => s.ListAsync(It.IsAny<CancellationToken>()), Times.Once);

        _time.Advance(TimeSpan.FromSeconds(1));
        var dto = await Send(Pending, ("1", "$5"), ("2", "Friday"));

        Assert.That(dto.Body, Is.EqualTo("Pay $5 by Friday"));
        _source.Verify(s => s.ListAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public async Task Twilio_failing_to_list_the_templates_sends_and_stores_nothing()
    {
        _source.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new TwilioUnavailableException("Twilio answered 503."));

        await Assert.ThrowsAsync<TwilioUnavailableException>(() => Send(TestTemplates.Reminder, ("1", "Ana"), ("2", "Monday")));

        NothingSentOrStored();
    }

    private Task<Messaging.Application.Messages.MessageDto> Send(string contentSid, params (string Name, string Value)[] variables) =>
        _services.GetRequiredService<IMediator>().Send(new SendMessageCommand(
            "+14155550123",
            ContentSid: contentSid,
            ContentVariables: variables.Length == 0 ? null : variables.ToDictionary(v => v.Name, v => v.Value)));

    private void NothingSentOrStored()
    {
        _ports.Gateway.Verify(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        _ports.Repository.Verify(r => r.AddIfAbsent(It.IsAny<Message>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
