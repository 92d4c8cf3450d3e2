using Messaging.Application.Messages.Queries.GetMessageMedia;

namespace Messaging.Application.UnitTests.Messages.Queries.GetMessageMedia;

public sealed class GetMessageMediaQueryHandlerTests
{
    private const string FirstUrl = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1";
    private const string SecondUrl = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2";

    private Mock<IMessageRepository> _repository = null!;
    private Mock<ITwilioMediaClient> _media = null!;

    // NUnit runs every test of a fixture on one instance: fresh mocks per test keep one test's calls out of another's.
    [SetUp]
    public void SetUp()
    {
        _repository = new Mock<IMessageRepository>(MockBehavior.Strict);
        _media = new Mock<ITwilioMediaClient>(MockBehavior.Strict);
    }

    [Test]
    public async Task Opens_the_medium_at_the_index_with_the_type_Twilio_served()
    {
        var message = Stored(new MessageMedia(FirstUrl, "image/png"), new MessageMedia(SecondUrl, "application/pdf"));
        var content = new MemoryStream([1, 2, 3]);
        _media.Setup(m => m.OpenAsync(message.WaSid!, SecondUrl, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MediaContent(content, "application/pdf; charset=binary", 3));

        await using var opened = await Handler().Handle(new GetMessageMediaQuery(message.Id, 1), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(opened.Content, Is.SameAs(content));
            Assert.That(opened.ContentType, Is.EqualTo("application/pdf; charset=binary"));
            Assert.That(opened.Length, Is.EqualTo(3));
        });
    }

    [TestCase("image/jpeg", "image/jpeg")]
    [TestCase(null, "application/octet-stream")]
    public async Task Without_a_type_from_Twilio_the_webhook_type_or_octet_stream_is_used(string? webhookType, string expected)
    {
        var message = Stored(new MessageMedia(FirstUrl, webhookType));
        _media.Setup(m => m.OpenAsync(message.WaSid!, FirstUrl, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MediaContent(new MemoryStream(), null, null));

        await using var opened = await Handler().Handle(new GetMessageMediaQuery(message.Id, 0), CancellationToken.None);

        Assert.That(opened.ContentType, Is.EqualTo(expected));
    }

    [Test]
    public async Task An_unknown_message_is_not_found_and_nothing_is_fetched()
    {
        var id = Guid.CreateVersion7();
        _repository.Setup(r => r.GetById(id, It.IsAny<CancellationToken>())).ReturnsAsync((Message?)null);

        await Assert.ThrowsAsync<NotFoundException>(() => Handler().Handle(new GetMessageMediaQuery(id, 0), CancellationToken.None));

        _media.VerifyNoOtherCalls();
    }

    [TestCase(1)]
    [TestCase(-1)]
    public async Task An_index_outside_the_media_is_not_found_and_nothing_is_fetched(int index)
    {
        var message = Stored(new MessageMedia(FirstUrl, "image/png"));

        var thrown = await Assert.ThrowsAsync<NotFoundException>(
            () => Handler().Handle(new GetMessageMediaQuery(message.Id, index), CancellationToken.None));

        Assert.That(thrown!.Message, Does.Contain(index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _media.VerifyNoOtherCalls();
    }

    [Test]
    public async Task The_media_of_a_message_sent_from_here_are_not_served_and_nothing_is_fetched()
    {
        // A client chose these URLs; fetching them with the account's credentials would lend the account out.
        var message = Message.Outbound(
            "SM" + Guid.NewGuid().ToString("N"),
            WhatsAppAddress.FromE164("+14155238886"),
            WhatsAppAddress.FromE164("+14155550123"),
            null,
            [FirstUrl],
            null,
            MessageStatus.Queued,
            ApplicationServices.Now);
        _repository.Setup(r => r.GetById(message.Id, It.IsAny<CancellationToken>())).ReturnsAsync(message);

        var thrown = await Assert.ThrowsAsync<NotFoundException>(
            () => Handler().Handle(new GetMessageMediaQuery(message.Id, 0), CancellationToken.None));

        Assert.That(thrown!.Message, Does.Contain("only media customers sent are served"));
        _media.VerifyNoOtherCalls();
    }

    private GetMessageMediaQueryHandler Handler() => new(_repository.Object, _media.Object);

    private Message Stored(params MessageMedia[] media)
    {
        var message = Message.Inbound(
            "MM" + Guid.NewGuid().ToString("N"),
            WhatsAppAddress.FromE164("+14155550123"),
            WhatsAppAddress.FromE164("+14155238886"),
            null,
            media,
            "Ana",
            ApplicationServices.Now);
        _repository.Setup(r => r.GetById(message.Id, It.IsAny<CancellationToken>())).ReturnsAsync(message);
        return message;
    }
}
