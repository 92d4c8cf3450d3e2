namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// Points the Twilio SDK's requests (always built for <c>https://api.twilio.com</c>) at <see cref="TwilioApiAddress"/>,
/// keeping path and query, so the emulator and a configured API address run the same SDK code as Twilio itself.
/// </summary>
internal sealed class TwilioApiRedirectHandler(TwilioApiAddress apiAddress) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = apiAddress.Origin;
        if (request.RequestUri is { IsAbsoluteUri: true } original && !apiAddress.IsOrigin(original))
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
