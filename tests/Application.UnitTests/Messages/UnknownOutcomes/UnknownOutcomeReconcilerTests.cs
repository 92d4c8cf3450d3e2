using Messaging.Application.Messages.UnknownOutcomes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Messaging.Application.UnitTests.Messages.UnknownOutcomes;

public sealed class UnknownOutcomeReconcilerTests : MessageStoreFixture
{
    private const string Sid = "SM0123456789abcdef0123456789abcdef";
    private const string OtherSid = "SMfedcba9876543210fedcba9876543210";

    private Mock<ITwilioGateway> _gateway = null!;
    private List<TwilioSentMessage> _listed = null!;

    [SetUp]
    public void SetUp()
    {
        _listed = [];
        _gateway = new Mock<ITwilioGateway>(MockBehavior.Strict);
        _gateway
            .Setup(g => g.ListSentAsync(TestMessages.Customer, It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => _listed);
    }

    [Test]
    public async Task A_send_younger_than_the_look_up_age_is_left_alone()
    {
        var unknown = StoreUnknown("hello");
        Clock.Advance(TimeSpan.FromSeconds(59));

        Assert.That(await Reconciler().ReconcileAsync(CancellationToken.None), Is.Zero);
        _gateway.Verify(g => g.ListSentAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(unknown.Status, Is.EqualTo(MessageStatus.Unknown));
    }

    [Test]
    public async Task The_listed_message_with_the_same_body_names_it_with_its_status()
    {
        var unknown = StoreUnknown("hello");
        _listed.Add(new TwilioSentMessage(OtherSid, TestMessages.Customer, "something else", 0, MessageStatus.Delivered, ApplicationServices.Now));
        _listed.Add(new TwilioSentMessage(Sid, TestMessages.Customer, "hello", 0, MessageStatus.Sent, ApplicationServices.Now));
        Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.That(await Reconciler().ReconcileAsync(CancellationToken.None), Is.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(unknown.WaSid, Is.EqualTo(Sid));
            Assert.That(unknown.Status, Is.EqualTo(MessageStatus.Sent));
        });
    }

    [Test]
    public async Task A_listed_sid_that_already_has_its_row_is_not_taken()
    {
        Store.Store(TestMessages.Outbound(Sid, ApplicationServices.Now, "hello"));
        var unknown = StoreUnknown("hello");
        _listed.Add(new TwilioSentMessage(Sid, TestMessages.Customer, "hello", 0, MessageStatus.Sent, ApplicationServices.Now));
        Clock.Advance(TimeSpan.FromSeconds(61));

        await Reconciler().ReconcileAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(unknown.WaSid, Is.Null);
            Assert.That(unknown.Status, Is.EqualTo(MessageStatus.Unknown));
        });
    }

    [Test]
    public async Task Not_listed_it_stays_unknown_until_the_bounded_time_then_fails_with_the_reason()
    {
        var unknown = StoreUnknown("hello");
        var reconciler = Reconciler();

        Clock.Advance(TimeSpan.FromMinutes(14));
        await reconciler.ReconcileAsync(CancellationToken.None);
        Assert.That(unknown.Status, Is.EqualTo(MessageStatus.Unknown));

        Clock.Advance(TimeSpan.FromSeconds(61));
        await reconciler.ReconcileAsync(CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(unknown.Status, Is.EqualTo(MessageStatus.Failed));
            Assert.That(unknown.ErrorMessage, Is.EqualTo(UnknownOutcomeReconciler.GaveUpReason));
            Assert.That(unknown.WaSid, Is.Null);
        });
    }

    [Test]
    public async Task When_twilio_cannot_list_nothing_is_decided_even_past_the_bounded_time()
    {
        var unknown = StoreUnknown("hello");
        _gateway
            .Setup(g => g.ListSentAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TwilioUnavailableException("down"));
        Clock.Advance(TimeSpan.FromHours(1));

        Assert.That(await Reconciler().ReconcileAsync(CancellationToken.None), Is.Zero);
        Assert.That(unknown.Status, Is.EqualTo(MessageStatus.Unknown));
    }

    private Message StoreUnknown(string body)
    {
        var message = Message.OutcomeUnknown(
            Message.ReserveId(Clock.GetUtcNow()),
            WhatsAppAddress.FromE164("+14155238886"),
            WhatsAppAddress.FromE164("+14155550123"),
            body,
            null,
            null,
            Clock.GetUtcNow());
        Store.Store(message);
        return message;
    }

    private UnknownOutcomeReconciler Reconciler() =>
        new(
            Store.Messages.Object,
            _gateway.Object,
            Recorder(),
            Mock.Of<IOptionsMonitor<UnknownOutcomeOptions>>(m => m.CurrentValue == new UnknownOutcomeOptions()),
            Clock,
            NullLogger<UnknownOutcomeReconciler>.Instance);
}
