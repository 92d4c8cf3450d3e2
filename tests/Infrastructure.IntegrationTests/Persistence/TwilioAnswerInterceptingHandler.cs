namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The HTTP client factory builds a new handler chain per client; each chain's instance hands Twilio's answers to the
/// one <see cref="TwilioAnswerInterceptor"/> the test controls.
/// </summary>
internal sealed class TwilioAnswerInterceptingHandler(TwilioAnswerInterceptor interceptor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        return await interceptor.Inspect(request, response, cancellationToken);
    }
}
