namespace Messaging.Api.FunctionalTests;

/// <summary>
/// Holds the application's requests to Twilio until released, as a slow network would, so that a test can act while
/// a send is in flight. The requests still go to the emulator over HTTP once released.
/// </summary>
public sealed class TwilioGate
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first request to Twilio is being held.</summary>
    public Task Entered => _entered.Task;

    public void Release() => _released.TrySetResult();

    public DelegatingHandler CreateHandler() => new TwilioGateHandler(this);

    /// <summary>An application whose every request to Twilio passes this gate.</summary>
    public MessagingApiFactory CreateApplication() =>
        new(settings: null, configureServices: services => services.AddHttpClient("Twilio").AddHttpMessageHandler(CreateHandler));

    internal async Task Pass(CancellationToken cancellationToken)
    {
        _entered.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
    }
}
