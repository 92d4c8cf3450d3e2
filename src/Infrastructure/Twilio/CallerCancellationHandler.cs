namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// The Twilio SDK's async calls take no cancellation token. The gateway puts its caller's token here, in the
/// execution context that flows into the SDK's HTTP call, so canceling the caller also aborts the request.
/// </summary>
internal sealed class CallerCancellationHandler : DelegatingHandler
{
    private static readonly AsyncLocal<CancellationToken> Current = new();

    /// <summary>
    /// The token of the gateway call running in this execution context. Set inside an async method, it flows to
    /// the calls that method makes and is gone when the method returns.
    /// </summary>
    public static CancellationToken CallerToken
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var callerToken = CallerToken;
        if (!callerToken.CanBeCanceled)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, callerToken);
        return await base.SendAsync(request, linked.Token);
    }
}
