namespace Messaging.Infrastructure.IntegrationTests.Twilio;

/// <summary>The end of a handler chain: remembers where the request went and answers 204.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    public Uri? Sent { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sent = request.RequestUri;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
    }
}
