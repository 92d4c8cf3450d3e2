using Messaging.Application.Messages;

namespace Messaging.Application.UnitTests.Common.Mappings;

public sealed class MessageProfileTests
{
    [Test]
    public void The_mapping_configuration_is_valid()
    {
        Assert.DoesNotThrow(() => TestMapper.Instance.ConfigurationProvider.AssertConfigurationIsValid());
    }

    [Test]
    public void A_message_maps_field_for_field()
    {
        var at = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var message = Message.Outbound(
            "MM0123",
            WhatsAppAddress.FromE164("+14155238886"),
            WhatsAppAddress.FromE164("+14155550123"),
            "caption",
            ["https://example.com/a.png"],
            null,
            MessageStatus.Sent,
            at);
        message.ApplyStatus(MessageStatus.Undelivered, 63024, "Invalid recipient", at.AddSeconds(7));

        var dto = TestMapper.Instance.Map<MessageDto>(message);

        Assert.That(dto, Is.EqualTo(new MessageDto
        {
            Id = message.Id,
            WaSid = "MM0123",
            Direction = MessageDirection.Outbound,
            From = "whatsapp:+14155238886",
            To = "whatsapp:+14155550123",
            Body = "caption",
            MediaUrls = dto.MediaUrls,
            Media = dto.Media,
            ContentSid = null,
            Status = MessageStatus.Undelivered,
            ErrorCode = 63024,
            ErrorMessage = "Invalid recipient",
            CreatedAt = at,
            UpdatedAt = at.AddSeconds(7),
        }));
        Assert.That(dto.MediaUrls, Is.EqualTo((string[])["https://example.com/a.png"]));
        Assert.That(dto.Media, Is.EqualTo(new[] { new MessageMediaDto { Url = "https://example.com/a.png" } }));
    }
}
