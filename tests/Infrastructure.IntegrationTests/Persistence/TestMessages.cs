namespace Messaging.Infrastructure.IntegrationTests.Persistence;

internal static class TestMessages
{
    public static readonly WhatsAppAddress Sender = WhatsAppAddress.FromE164("+14155550100");

    public static readonly WhatsAppAddress Alice = WhatsAppAddress.FromE164("+447700900001");

    public static readonly WhatsAppAddress Bob = WhatsAppAddress.FromE164("+447700900002");

    public static Message Outbound(string sid, DateTimeOffset at, string body = "hello", WhatsAppAddress? to = null, MessageStatus status = MessageStatus.Queued) =>
        Message.Outbound(sid, Sender, to ?? Alice, body, ["https://example.com/a.jpg"], null, status, at);

    public static Message Inbound(string sid, DateTimeOffset at, WhatsAppAddress? from = null, string? profileName = null, string body = "hi") =>
        Message.Inbound(sid, from ?? Alice, Sender, body, null, profileName, at);

    public static string NewSid() => "SM" + Guid.NewGuid().ToString("N");
}
