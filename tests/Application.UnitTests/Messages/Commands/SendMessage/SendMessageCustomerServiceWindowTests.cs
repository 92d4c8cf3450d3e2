using Messaging.Application.Conversations;
using Messaging.Application.Messages.Commands.SendMessage;
using Microsoft.Extensions.Options;

namespace Messaging.Application.UnitTests.Messages.Commands.SendMessage;

public sealed class SendMessageCustomerServiceWindowTests
{
    private const string TwilioSid = SendPorts.Sid;
    private const string ContentSid = "HX0123456789abcdef0123456789abcdef";

    private SendPorts _ports = null!;
    private Mock<IConversationRepository> _conversations = null!;
    private FakeTimeProvider _time = null!;
    private CustomerServiceWindowOptions _options = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(ApplicationServices.Now);
        _options = new CustomerServiceWindowOptions();
        _ports = new SendPorts();
        _conversations = new Mock<IConversationRepository>(MockBehavior.Strict);
    }

    [Test]
    public async Task Free_form_to_a_contact_who_never_wrote_is_refused_before_twilio_and_stores_nothing()
    {
        LastInboundAt(null);

        var thrown = await Assert.ThrowsAsync<CustomerServiceWindowClosedException>(
            () => CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Contact, Is.EqualTo(TestMessages.Customer));
            Assert.That(thrown.WindowOpenUntil, Is.Null);
            Assert.That(thrown.Message, Does.Contain("template (contentSid)"));
        });
        NothingSentOrStored();
    }

    [Test]
    public async Task Free_form_a_day_and_a_second_after_the_last_inbound_is_refused_with_when_the_window_closed()
    {
        var lastInbound = ApplicationServices.Now.AddHours(-24).AddSeconds(-1);
        LastInboundAt(lastInbound);

        var thrown = await Assert.ThrowsAsync<CustomerServiceWindowClosedException>(
            () => CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None));

        Assert.That(thrown!.WindowOpenUntil, Is.EqualTo(lastInbound.AddHours(24)));
        NothingSentOrStored();
    }

    [Test]
    public async Task Media_only_free_form_outside_the_window_is_refused_too()
    {
        LastInboundAt(ApplicationServices.Now.AddDays(-3));

        await Assert.ThrowsAsync<CustomerServiceWindowClosedException>(
            () => CreateHandler().Handle(
                new SendMessageCommand("+14155550123", null, ["https://example.com/a.png"]), CancellationToken.None));

        NothingSentOrStored();
    }

    [Test]
    public async Task Exactly_24_hours_after_the_last_inbound_the_window_is_closed()
    {
        LastInboundAt(ApplicationServices.Now.AddHours(-24));

        await Assert.ThrowsAsync<CustomerServiceWindowClosedException>(
            () => CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None));

        NothingSentOrStored();
    }

    [Test]
    public async Task One_tick_before_24_hours_after_the_last_inbound_the_window_is_open()
    {
        LastInboundAt(ApplicationServices.Now.AddHours(-24).AddTicks(1));

        var dto = await CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None);

        Assert.That(dto.WaSid, Is.EqualTo(TwilioSid));
        SentAndStoredOnce();
    }

    [Test]
    public async Task The_window_is_judged_at_the_time_providers_now()
    {
        LastInboundAt(ApplicationServices.Now.AddHours(-1));
        await CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None);

        _time.Advance(TimeSpan.FromHours(23));

        await Assert.ThrowsAsync<CustomerServiceWindowClosedException>(
            () => CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello again"), CancellationToken.None));
        SentAndStoredOnce();
    }

    [Test]
    public async Task Free_form_inside_the_window_is_sent_and_the_window_is_read_for_the_canonical_address()
    {
        LastInboundAt(ApplicationServices.Now.AddMinutes(-5));

        await CreateHandler().Handle(new SendMessageCommand(" WhatsApp:+14155550123 ", "hello"), CancellationToken.None);

        _conversations.Verify(c => c.GetLastInboundAt(TestMessages.Customer, It.IsAny<CancellationToken>()), Times.Once);
        SentAndStoredOnce();
    }

    [Test]
    public async Task A_template_outside_the_window_is_sent_without_looking_at_the_window()
    {
        var dto = await CreateHandler().Handle(new SendMessageCommand("+14155550123", null, null, ContentSid), CancellationToken.None);

        Assert.That(dto.ContentSid, Is.EqualTo(ContentSid));
        _conversations.VerifyNoOtherCalls();
        SentAndStoredOnce();
    }

    [Test]
    public async Task With_enforcement_off_free_form_to_a_contact_who_never_wrote_goes_to_twilio()
    {
        _options.EnforceCustomerServiceWindow = false;

        var dto = await CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None);

        Assert.That(dto.WaSid, Is.EqualTo(TwilioSid));
        _conversations.VerifyNoOtherCalls();
        SentAndStoredOnce();
    }

    private void LastInboundAt(DateTimeOffset? at) =>
        _conversations
            .Setup(c => c.GetLastInboundAt(TestMessages.Customer, It.IsAny<CancellationToken>()))
            .ReturnsAsync(at);

    private void NothingSentOrStored()
    {
        _ports.Gateway.Verify(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        _ports.Repository.Verify(r => r.AddIfAbsent(It.IsAny<Message>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private void SentAndStoredOnce()
    {
        _ports.Gateway.Verify(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        _ports.Repository.Verify(r => r.AddIfAbsent(It.IsAny<Message>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private SendMessageCommandHandler CreateHandler() =>
        new(
            _ports.Gateway.Object,
            new CustomerServiceWindowGuard(_conversations.Object, Options.Create(_options), _time),
            TestTemplates.Guard(TestTemplates.Source(TestTemplates.Template(ContentSid, text: "Your order has shipped.")).Object, _time),
            TestRecorder.Create(_ports.Repository.Object, NothingPending(), _time),
            _time);

    private static IPendingStatusUpdateRepository NothingPending()
    {
        var pending = new Mock<IPendingStatusUpdateRepository>(MockBehavior.Strict);
        pending.Setup(p => p.ListFor(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        return pending.Object;
    }
}
