using System.Collections.Concurrent;
using Twilio.Clients;
using Twilio.Http;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

/// <summary>
/// The real Twilio SDK pointed at an emulator the way the service points it: requests keep the path and query the SDK
/// built for Twilio's hosts (api.twilio.com, content.twilio.com) and go to the emulator's origin instead. A test can
/// make the client give up on what it is waiting for, as a client timeout would.
/// </summary>
internal sealed class SdkClient : IDisposable
{
    private readonly System.Net.Http.HttpClient _http;
    private readonly ToEmulator _handler;

    public SdkClient(TwilioEmulatorServer emulator, string accountSid, string authToken)
    {
        _handler = new ToEmulator(emulator.BaseAddress) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } };
        _http = new System.Net.Http.HttpClient(_handler);
        Rest = new TwilioRestClient(accountSid, authToken, httpClient: new SystemNetHttpClient(_http));
    }

    public TwilioRestClient Rest { get; }

    /// <summary>Every request URL the SDK built, before it was pointed at the emulator.</summary>
    public IReadOnlyList<Uri> Requested => _handler.Requested;

    /// <summary>Cancels the requests in flight, as a client whose timeout ran out; later requests are not affected.</summary>
    public Task GiveUpAsync() => _handler.GiveUpAsync();

    public void Dispose() => _http.Dispose();

    private sealed class ToEmulator(Uri emulator) : DelegatingHandler
    {
        private readonly ConcurrentQueue<Uri> _requested = new();
        private readonly ConcurrentDictionary<CancellationTokenSource, byte> _inFlight = new();

        public IReadOnlyList<Uri> Requested => [.. _requested];

        public async Task GiveUpAsync()
        {
            foreach (var request in _inFlight.Keys)
            {
                try
                {
                    await request.CancelAsync();
                }
                catch (ObjectDisposedException)
                {
                    // That request ended on its own meanwhile.
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var original = request.RequestUri!;
            _requested.Enqueue(original);
            request.RequestUri = new UriBuilder(original) { Scheme = emulator.Scheme, Host = emulator.Host, Port = emulator.Port }.Uri;
            using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _inFlight.TryAdd(giveUp, 0);
            try
            {
                return await base.SendAsync(request, giveUp.Token);
            }
            finally
            {
                _inFlight.TryRemove(giveUp, out _);
            }
        }
    }
}
