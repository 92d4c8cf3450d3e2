using Messaging.TwilioEmulator;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Content.V1;
using Twilio.Types;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

/// <summary>The emulator counts Content API requests and lets a test change the catalogue while it runs.</summary>
public sealed class ContentCatalogueChangesTests
{
    private EmulatorClient _emulator = null!;
    private SdkClient _sdk = null!;

    [SetUp]
    public async Task Start()
    {
        _emulator = await EmulatorClient.StartAsync();
        _sdk = _emulator.Sdk();
    }

    [TearDown]
    public async Task Stop()
    {
        _sdk.Dispose();
        await _emulator.DisposeAsync();
    }

    [Test]
    public async Task Every_content_api_request_is_counted_faulted_and_refused_ones_included()
    {
        await ContentAndApprovalsResource.ReadAsync(new ReadContentAndApprovalsOptions { PageSize = 5 }, _sdk.Rest);
        _emulator.Server.InjectFault(TwilioFault.Error(503), target: TwilioFaultTarget.AnyRequest);
        using var faulted = await _emulator.Http.GetAsync(new Uri("/v1/Content", UriKind.Relative));
        using var anonymous = await _emulator.Http.GetAsync(new Uri($"/v1/Content/{SampleContentTemplates.AppointmentReminder}", UriKind.Relative));

        Assert.That(_emulator.Server.ContentRequests, Is.EqualTo(3));
        Assert.That(_emulator.Server.CreateMessageRequests, Is.Zero);

        using var stats = await _emulator.Http.GetAsync(new Uri("/emulator/stats", UriKind.Relative));
        Assert.That(await stats.Content.ReadAsStringAsync(), Does.Contain("\"contentRequests\":3"));
    }

    [Test]
    public async Task A_replaced_catalogue_is_served_from_the_next_request_on()
    {
        var approved = SampleContentTemplates.All
            .Where(t => t.Sid != SampleContentTemplates.WelcomeOffer)
            .Select(t => t.Sid == SampleContentTemplates.PaymentDue ? t with { Approval = new WhatsAppApproval { Status = WhatsAppApprovalStatus.Approved } } : t)
            .ToList();

        _emulator.Server.ReplaceContentTemplates(approved);
        var read = (await ContentAndApprovalsResource.ReadAsync(new ReadContentAndApprovalsOptions(), _sdk.Rest)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(read.Select(c => c.Sid), Is.EqualTo(approved.Select(t => t.Sid)));
            Assert.That(_emulator.Server.ContentTemplates.Select(t => t.Sid), Is.EqualTo(approved.Select(t => t.Sid)));
            Assert.That(
                ((Newtonsoft.Json.Linq.JObject)read.Single(c => c.Sid == SampleContentTemplates.PaymentDue).ApprovalRequests)["status"]!.ToString(),
                Is.EqualTo("approved"));
        });
    }

    [Test]
    public async Task Sends_follow_the_replaced_catalogue()
    {
        _emulator.Server.ReplaceContentTemplates(SampleContentTemplates.All.Where(t => t.Sid != SampleContentTemplates.AppointmentReminder));

        var refused = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(
            new CreateMessageOptions(new PhoneNumber("whatsapp:+14155550123"))
            {
                From = new PhoneNumber(EmulatorClient.Sender),
                ContentSid = SampleContentTemplates.AppointmentReminder,
            },
            _sdk.Rest));

        Assert.That(refused!.Code, Is.EqualTo(21655));
    }

    [Test]
    public void A_replacement_is_checked_like_the_catalogue_at_start()
    {
        var twice = SampleContentTemplates.All.Take(1).Concat(SampleContentTemplates.All.Take(1));

        Assert.Throws<ArgumentException>(() => _emulator.Server.ReplaceContentTemplates(twice));
        Assert.That(_emulator.Server.ContentTemplates, Has.Count.EqualTo(SampleContentTemplates.All.Count), "the catalogue before stays");
    }
}
