namespace Messaging.Application.UnitTests.TestSupport;

public static class TestMessages
{
    public const string Sender = "whatsapp:+14155238886";
    public const string Customer = "whatsapp:+14155550123";

    public static Message Outbound(string sid, DateTimeOffset at, string body = "hello", MessageStatus status = MessageStatus.Queued) =>
        Message.Outbound(
            sid,
            WhatsAppAddress.FromE164("+14155238886"),
            WhatsAppAddress.FromE164("+14155550123"),
            body,
            null,
            null,
            status,
            at);
}
