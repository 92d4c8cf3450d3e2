namespace Messaging.LoadTest;

/// <summary>Sends the Twilio SDK's requests to an emulator instead of api.twilio.com, keeping path and query.</summary>
internal sealed class EmulatorRedirectHandler(Uri emulator) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = emulator.Scheme, Host = emulator.Host, Port = emulator.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
