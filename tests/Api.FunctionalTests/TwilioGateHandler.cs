namespace Messaging.Api.FunctionalTests;

internal sealed class TwilioGateHandler(TwilioGate gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await gate.Pass(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
