namespace Messaging.Api.FunctionalTests;

/// <summary>
/// The Twilio account the service is configured with when a stand-in (<see cref="FakeMediaHost"/>) plays Twilio's API:
/// see <see cref="MessagingApiFactory"/>'s <c>twilioApi</c>.
/// </summary>
public static class TwilioStandIn
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";

    public const string AuthToken = "stand-in-auth-token-0123456789ab";

    public const string Sender = "whatsapp:+14155238886";
}
