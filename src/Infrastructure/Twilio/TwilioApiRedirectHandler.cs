using Microsoft.Extensions.Options;

namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// Points the Twilio SDK's requests (always built for <c>https://api.twilio.com</c>) at the embedded emulator or at
/// <see cref="TwilioOptions.ApiBaseUrl"/>, keeping path and query, so both modes run the same SDK code.
/// </summary>
internal sealed class TwilioApiRedirectHandler(IOptionsMonitor<TwilioOptions> options, EmbeddedTwilioEmulator emulator)
    : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var target = settings.ApiBaseUrl ?? (settings.UsesEmbeddedEmulator ? emulator.Server.BaseAddress : null);
        if (target is not null && request.RequestUri is { IsAbsoluteUri: true } original)
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
