using Messaging.Application.Templates;
using Messaging.Application.Templates.Queries.GetTemplates;

namespace Messaging.Application.UnitTests.Templates.Queries.GetTemplates;

public sealed class GetTemplatesQueryHandlerTests
{
    private FakeTimeProvider _time = null!;
    private List<ContentTemplate> _catalogue = null!;
    private Mock<IContentTemplateSource> _source = null!;
    private GetTemplatesQueryHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(ApplicationServices.Now);
        _catalogue =
        [
            Template(1, "welcome_offer", "en", "rejected"),
            Template(2, "order_shipped", "pt_BR"),
            Template(3, "Appointment_Reminder", "es", "received"),
            Template(4, "order_shipped", "es"),
            Template(5, "appointment_reminder", "en"),
            Template(6, "payment_due", "en", "in_appeal"),
        ];
        _source = new Mock<IContentTemplateSource>(MockBehavior.Strict);
        _source.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => [.. _catalogue]);
        _handler = new GetTemplatesQueryHandler(new TemplateCatalogue(_source.Object, _time, TestTemplates.Options(cacheSeconds: 300)));
    }

    [Test]
    public async Task Lists_every_template_as_twilio_reported_it_ordered_by_name_language_and_sid()
    {
        var page = await _handler.Handle(new GetTemplatesQuery(), CancellationToken.None);

        Assert.That(
            page.Items.Select(t => $"{t.FriendlyName}/{t.Language}"),
            Is.EqualTo((string[])["appointment_reminder/en", "Appointment_Reminder/es", "order_shipped/es", "order_shipped/pt_BR", "payment_due/en", "welcome_offer/en"]));
        var reminder = page.Items[0];
        Assert.Multiple(() =>
        {
            Assert.That(reminder.Sid, Is.EqualTo(Sid(5)));
            Assert.That(reminder.ContentType, Is.EqualTo("twilio/text"));
            Assert.That(reminder.Text, Is.EqualTo(TestTemplates.ReminderText));
            Assert.That(reminder.Variables, Is.EqualTo((TemplateVariableDto[])[new("1", "sample 1"), new("2", "sample 2")]));
            Assert.That(reminder.ApprovalStatus, Is.EqualTo("approved"));
            Assert.That(reminder.Category, Is.EqualTo("UTILITY"));
            Assert.That(page.Items.Single(t => t.Sid == Sid(6)).ApprovalStatus, Is.EqualTo("in_appeal"), "an unknown status is passed on as it is");
            Assert.That(page.NextCursor, Is.Null);
            Assert.That(page.FetchedAt, Is.EqualTo(ApplicationServices.Now));
        });
    }

    [Test]
    public async Task Pages_follow_each_other_to_the_end()
    {
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _handler.Handle(new GetTemplatesQuery(Limit: 4, Cursor: cursor), CancellationToken.None);
            seen.AddRange(page.Items.Select(t => t.Sid));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.That(pages, Is.EqualTo(2));
        Assert.That(seen, Is.EqualTo((string[])[Sid(5), Sid(3), Sid(4), Sid(2), Sid(6), Sid(1)]));
    }

    [Test]
    public async Task A_catalogue_read_again_between_pages_neither_repeats_nor_skips_the_templates_that_stayed()
    {
        var first = await _handler.Handle(new GetTemplatesQuery(Limit: 3), CancellationToken.None);
        _catalogue.RemoveAll(t => t.Sid == Sid(4));
        _catalogue.Add(Template(7, "aaa_first_of_all", "en"));
        _catalogue.Add(Template(8, "zzz_last_of_all", "en"));

        var second = await _handler.Handle(new GetTemplatesQuery(Limit: 10, Cursor: first.NextCursor, Refresh: true), CancellationToken.None);

        Assert.That(first.Items.Select(t => t.Sid), Is.EqualTo((string[])[Sid(5), Sid(3), Sid(4)]));
        Assert.That(second.Items.Select(t => t.Sid), Is.EqualTo((string[])[Sid(2), Sid(6), Sid(1), Sid(8)]));
    }

    [TestCase("approved", new[] { 5, 4, 2 })]
    [TestCase("APPROVED", new[] { 5, 4, 2 })]
    [TestCase("in_appeal", new[] { 6 })]
    [TestCase("paused", new int[0])]
    public async Task Filters_by_approval_status_ignoring_case(string status, int[] expected)
    {
        var page = await _handler.Handle(new GetTemplatesQuery(Status: status), CancellationToken.None);

        Assert.That(page.Items.Select(t => t.Sid), Is.EqualTo(expected.Select(Sid)));
    }

    [Test]
    public async Task Filters_by_language_and_by_part_of_the_name_ignoring_case()
    {
        var spanish = await _handler.Handle(new GetTemplatesQuery(Language: "ES"), CancellationToken.None);
        var reminders = await _handler.Handle(new GetTemplatesQuery(Name: "REMINDER"), CancellationToken.None);
        var approvedShipping = await _handler.Handle(new GetTemplatesQuery(Status: "approved", Name: "ship", Language: "pt_br"), CancellationToken.None);

        Assert.That(spanish.Items.Select(t => t.Sid), Is.EqualTo((string[])[Sid(3), Sid(4)]));
        Assert.That(reminders.Items.Select(t => t.Sid), Is.EqualTo((string[])[Sid(5), Sid(3)]));
        Assert.That(approvedShipping.Items.Select(t => t.Sid), Is.EqualTo((string[])[Sid(2)]));
    }

    [Test]
    public async Task The_catalogue_is_read_from_twilio_once_until_it_is_older_than_the_cache_time()
    {
        await _handler.Handle(new GetTemplatesQuery(), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(299));
        var cached = await _handler.Handle(new GetTemplatesQuery(Name: "order"), CancellationToken.None);
        _source.Verify(s => s.ListAsync(It.IsAny<CancellationToken>()), Times.Once);

        _time.Advance(TimeSpan.FromSeconds(1));
        var reread = await _handler.Handle(new GetTemplatesQuery(), CancellationToken.None);

        _source.Verify(s => s.ListAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.That(cached.FetchedAt, Is.EqualTo(ApplicationServices.Now));
        Assert.That(reread.FetchedAt, Is.EqualTo(ApplicationServices.Now.AddSeconds(300)));
    }

    [Test]
    public async Task A_refresh_reads_the_catalogue_again_at_once()
    {
        await _handler.Handle(new GetTemplatesQuery(), CancellationToken.None);
        _catalogue[0] = Template(1, "welcome_offer", "en", "approved");

        var refreshed = await _handler.Handle(new GetTemplatesQuery(Refresh: true), CancellationToken.None);

        _source.Verify(s => s.ListAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.That(refreshed.Items.Single(t => t.Sid == Sid(1)).ApprovalStatus, Is.EqualTo("approved"));
    }

    [Test]
    public async Task Requests_that_arrive_while_the_catalogue_is_read_share_that_read()
    {
        var answer = new TaskCompletionSource<IReadOnlyList<ContentTemplate>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;
        _source.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).Returns(() =>
        {
            Interlocked.Increment(ref reads);
            return answer.Task;
        });

        var requests = Enumerable.Range(0, 5)
            .Select(i => _handler.Handle(new GetTemplatesQuery(Refresh: i % 2 == 0), CancellationToken.None))
            .ToList();
        answer.SetResult([.. _catalogue]);
        var pages = await Task.WhenAll(requests);

        Assert.That(reads, Is.EqualTo(1));
        Assert.That(pages.Select(p => p.Items.Count), Has.All.EqualTo(6));
    }

    [Test]
    public async Task A_failed_read_reaches_the_caller_and_keeps_the_catalogue_read_before()
    {
        await _handler.Handle(new GetTemplatesQuery(), CancellationToken.None);
        _source.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new TwilioUnavailableException("Twilio answered 503."));

        await Assert.ThrowsAsync<TwilioUnavailableException>(() => _handler.Handle(new GetTemplatesQuery(Refresh: true), CancellationToken.None));
        var kept = await _handler.Handle(new GetTemplatesQuery(), CancellationToken.None);

        Assert.That(kept.Items, Has.Count.EqualTo(6));
        Assert.That(kept.FetchedAt, Is.EqualTo(ApplicationServices.Now));
    }

    [Test]
    public async Task A_caller_that_gives_up_does_not_cancel_the_read_others_wait_for()
    {
        var answer = new TaskCompletionSource<IReadOnlyList<ContentTemplate>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _source.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).Returns(answer.Task);
        using var impatient = new CancellationTokenSource();

        var givesUp = _handler.Handle(new GetTemplatesQuery(), impatient.Token);
        var waits = _handler.Handle(new GetTemplatesQuery(), CancellationToken.None);
        await impatient.CancelAsync();
        answer.SetResult([.. _catalogue]);

        Assert.That(async () => await givesUp, Throws.InstanceOf<OperationCanceledException>());
        Assert.That((await waits).Items, Has.Count.EqualTo(6));
        _source.Verify(s => s.ListAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    private static string Sid(int n) => "HX" + n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    private static ContentTemplate Template(int n, string name, string language, string status = ContentTemplate.Approved) =>
        TestTemplates.Template(Sid(n), name, status: status, language: language);
}
