using System.Globalization;
using Messaging.Application.Common.Exceptions;
using Messaging.Application.Templates;
using Messaging.Domain.Templates;
using Microsoft.Extensions.Http.Resilience;

namespace Messaging.Infrastructure.IntegrationTests.Twilio;

/// <summary>The account's templates read through the service's own Twilio SDK client from an emulator over HTTP.</summary>
public sealed class TwilioContentTemplateSourceTests
{
    private readonly string _accountSid = "AC" + Guid.NewGuid().ToString("N");
    private readonly string _authToken = Guid.NewGuid().ToString("N");
    private TwilioEmulatorServer _emulator = null!;

    [TearDown]
    public async Task StopEmulator() => await _emulator.DisposeAsync();

    [Test]
    public async Task Every_template_is_read_with_its_text_variables_type_and_approval_as_twilio_holds_them()
    {
        await StartEmulator(SampleContentTemplates.All);
        await using var services = Services();

        var read = await services.GetRequiredService<IContentTemplateSource>().ListAsync(CancellationToken.None);

        Assert.That(read.Select(t => t.Sid), Is.EqualTo(_emulator.ContentTemplates.Select(t => t.Sid)));
        foreach (var (template, held) in read.Zip(_emulator.ContentTemplates))
        {
            Assert.Multiple(() =>
            {
                Assert.That(template.FriendlyName, Is.EqualTo(held.FriendlyName));
                Assert.That(template.Language, Is.EqualTo(held.Language));
                Assert.That(template.ContentType, Is.EqualTo(held.ContentType));
                Assert.That(template.Text, Is.EqualTo(held.Body));
                Assert.That(template.ApprovalStatus, Is.EqualTo(held.Approval.Status));
                Assert.That(template.RejectionReason, Is.EqualTo(held.Approval.RejectionReason));
                Assert.That(template.Category, Is.EqualTo(held.Approval.Category));
                Assert.That(
                    template.Variables.Select(v => (v.Name, v.Sample)),
                    Is.EqualTo(TemplateText.VariablesIn([held.Body, .. held.Media, .. held.Actions.Select(a => a.Url)]).Select(n => (n, held.Variables[n]))),
                    held.FriendlyName);
            });
        }
    }

    [Test]
    public async Task A_catalogue_of_several_pages_is_read_whole_following_twilios_next_page_urls()
    {
        var many = Enumerable.Range(0, (TwilioContentTemplateSource.PageSize * 2) + 7).Select(Numbered).ToList();
        await StartEmulator(many);
        await using var services = Services();

        var read = await services.GetRequiredService<IContentTemplateSource>().ListAsync(CancellationToken.None);

        Assert.That(read.Select(t => t.Sid), Is.EqualTo(many.Select(t => t.Sid)));
        Assert.That(read.Select(t => t.Text), Is.EqualTo(many.Select(t => t.Body)));
        Assert.That(_emulator.ContentRequests, Is.EqualTo(3), "three pages, one request each");
    }

    [Test]
    public async Task Approval_statuses_are_passed_on_as_twilio_reports_them_including_ones_this_service_does_not_know()
    {
        string[] statuses = ["approved", "pending", "received", "unsubmitted", "rejected", "paused", "disabled", "in_appeal", "APPROVED"];
        await StartEmulator(statuses.Select((status, i) => Numbered(i) with { Approval = new WhatsAppApproval { Status = status } }));
        await using var services = Services();

        var read = await services.GetRequiredService<IContentTemplateSource>().ListAsync(CancellationToken.None);

        Assert.That(read.Select(t => t.ApprovalStatus), Is.EqualTo(statuses));
        Assert.That(read.Where(t => t.IsApprovedForWhatsApp).Select(t => t.ApprovalStatus), Is.EqualTo((string[])["approved", "APPROVED"]));
    }

    [Test]
    public async Task Concurrent_requests_for_the_catalogue_read_it_from_twilio_once()
    {
        await StartEmulator(SampleContentTemplates.All);
        await using var services = Services();
        var catalogue = Catalogue(services, new FakeTimeProvider(DateTimeOffset.UtcNow));

        var snapshots = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => catalogue.GetAsync(CancellationToken.None)));

        Assert.That(_emulator.ContentRequests, Is.EqualTo(1));
        Assert.That(snapshots.Select(s => s.Templates.Count), Has.All.EqualTo(SampleContentTemplates.All.Count));
    }

    [Test]
    public async Task The_catalogue_is_read_again_once_it_is_as_old_as_the_cache_time_and_shows_what_changed_at_twilio()
    {
        await StartEmulator(SampleContentTemplates.All);
        await using var services = Services();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var catalogue = Catalogue(services, time);
        await catalogue.GetAsync(CancellationToken.None);
        _emulator.ReplaceContentTemplates(SampleContentTemplates.All.Select(t =>
            t.Sid == SampleContentTemplates.PaymentDue ? t with { Approval = new WhatsAppApproval { Status = WhatsAppApprovalStatus.Approved } } : t));

        time.Advance(TimeSpan.FromSeconds(299));
        var cached = await catalogue.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var reread = await catalogue.GetAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(_emulator.ContentRequests, Is.EqualTo(2));
            Assert.That(cached.TryFind(SampleContentTemplates.PaymentDue, out var before) ? before.ApprovalStatus : null, Is.EqualTo("pending"));
            Assert.That(reread.TryFind(SampleContentTemplates.PaymentDue, out var after) ? after.ApprovalStatus : null, Is.EqualTo("approved"));
        });
    }

    [Test]
    public async Task Credentials_twilio_refuses_make_twilio_unavailable_to_this_service()
    {
        await StartEmulator(SampleContentTemplates.All);
        await using var services = Services(("Twilio:AuthToken", Guid.NewGuid().ToString("N")));

        var thrown = await Assert.ThrowsAsync<TwilioUnavailableException>(
            () => services.GetRequiredService<IContentTemplateSource>().ListAsync(CancellationToken.None));

        Assert.That(thrown!.Message, Does.Contain("HTTP 401"));
        Assert.That(_emulator.ContentRequests, Is.EqualTo(1), "a refusal of the credentials is not retried");
    }

    [Test]
    public async Task An_outage_is_retried_then_reported_as_twilio_unavailable()
    {
        await StartEmulator(SampleContentTemplates.All);
        _emulator.InjectFault(TwilioFault.Error(503), count: 4, TwilioFaultTarget.AnyRequest);
        await using var services = Services();

        await Assert.ThrowsAsync<TwilioUnavailableException>(
            () => services.GetRequiredService<IContentTemplateSource>().ListAsync(CancellationToken.None));

        Assert.That(_emulator.ContentRequests, Is.EqualTo(4), "the first attempt and three retries of a safe read");
        Assert.That(_emulator.PendingFaults, Is.Empty);
    }

    [Test]
    public async Task A_failure_on_a_later_page_fails_the_whole_read_rather_than_giving_half_a_catalogue()
    {
        await StartEmulator(Enumerable.Range(0, TwilioContentTemplateSource.PageSize + 1).Select(Numbered));
        await using var services = Services();

        // The first page is answered as usual (a delay of nothing); every attempt at the second fails.
        _emulator.InjectFault(TwilioFault.Delay(TimeSpan.Zero), count: 1, TwilioFaultTarget.AnyRequest);
        _emulator.InjectFault(TwilioFault.Error(500), count: 4, TwilioFaultTarget.AnyRequest);

        await Assert.ThrowsAsync<TwilioUnavailableException>(
            () => services.GetRequiredService<IContentTemplateSource>().ListAsync(CancellationToken.None));

        Assert.That(_emulator.ContentRequests, Is.EqualTo(5));
        Assert.That(_emulator.PendingFaults, Is.Empty);
    }

    [Test]
    public async Task A_twilio_that_cannot_be_reached_is_reported_as_unavailable()
    {
        await StartEmulator(SampleContentTemplates.All);
        await using var services = Services();
        await _emulator.StopAsync();

        await Assert.ThrowsAsync<TwilioUnavailableException>(
            () => services.GetRequiredService<IContentTemplateSource>().ListAsync(CancellationToken.None));
    }

    private static ContentTemplate Numbered(int i) => new()
    {
        Sid = "HX" + i.ToString("x32", CultureInfo.InvariantCulture),
        FriendlyName = $"template_{i:D4}",
        Language = "en",
        ContentType = "twilio/text",
        Body = $"Message {i} for {{{{1}}}}.",
        Variables = new Dictionary<string, string> { ["1"] = "Maria" },
        Approval = new WhatsAppApproval { Status = WhatsAppApprovalStatus.Approved },
    };

    private static TemplateCatalogue Catalogue(ServiceProvider services, TimeProvider time)
    {
        var options = new StaticOptionsMonitor<TemplateOptions>(new TemplateOptions { CacheSeconds = 300 });
        return new TemplateCatalogue(services.GetRequiredService<IContentTemplateSource>(), time, options);
    }

    private async Task StartEmulator(IEnumerable<ContentTemplate> templates) =>
        _emulator = await TwilioEmulatorServer.StartAsync(new TwilioEmulatorOptions
        {
            AccountSid = _accountSid,
            AuthToken = _authToken,
            ContentTemplates = [.. templates],
        });

    private ServiceProvider Services(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = _accountSid,
            ["Twilio:AuthToken"] = _authToken,
            ["Twilio:From"] = "whatsapp:+15005550006",
            ["Twilio:ApiBaseUrl"] = _emulator.BaseAddress.ToString(),
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        // Retries keep their number but not their back-off, so an outage is over in milliseconds.
        return TwilioServices.Build(settings, configure: services => services.Configure<HttpStandardResilienceOptions>(
            TwilioRestClients.HttpClientName + "-standard",
            resilience => resilience.Retry.Delay = TimeSpan.Zero));
    }
}
