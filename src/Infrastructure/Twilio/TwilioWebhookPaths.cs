namespace Messaging.Infrastructure.Twilio;

/// <summary>Where this service takes Twilio's webhooks; the controller is routed here and sends name these paths.</summary>
public static class TwilioWebhookPaths
{
    public const string Inbound = "/api/webhooks/twilio/inbound";

    public const string Status = "/api/webhooks/twilio/status";

    /// <summary>The query parameter of <see cref="Status"/> that names the message by its own id.</summary>
    public const string MessageIdParameter = "messageId";
}
