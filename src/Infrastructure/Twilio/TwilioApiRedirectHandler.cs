namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// Points the Twilio SDK's requests (built for Twilio's own hosts) at <see cref="TwilioApiAddress.StandIn"/> when there is
/// one, keeping path and query, so the emulator and a configured API address run the same SDK code as Twilio itself.
/// </summary>
internal sealed class TwilioApiRedirectHandler(TwilioApiAddress apiAddress) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (apiAddress.StandIn is { } target && request.RequestUri is { IsAbsoluteUri: true } original && !apiAddress.IsOrigin(original))
        {
            request.RequestUri = new UriBuilder(original)
            {
                Scheme = target.Scheme,
                Host = target.Host,
                Port = target.Port,
            }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
