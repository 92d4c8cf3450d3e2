using Twilio.Clients;
using Twilio.Http;

namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// The Twilio SDK's client for this account, on an <see cref="System.Net.Http.HttpClient"/> from the factory: the
/// caller's cancellation, the resilience pipeline and <see cref="TwilioApiRedirectHandler"/> apply to every call the
/// SDK makes, to any Twilio host.
/// </summary>
internal sealed class TwilioRestClients(IHttpClientFactory httpClientFactory, TwilioAccount account)
{
    public const string HttpClientName = "Twilio";

    public TwilioRestClient Create() =>
        new(account.AccountSid, account.AuthToken, httpClient: new SystemNetHttpClient(httpClientFactory.CreateClient(HttpClientName)));
}
