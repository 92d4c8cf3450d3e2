using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Messaging.TwilioEmulator;

/// <summary>
/// An in-process imitation of the part of Twilio's REST API this project uses, served over real HTTP on a loopback
/// address so the real Twilio SDK can talk to it. State lives in memory and ends with the server.
/// </summary>
public sealed class TwilioEmulatorServer : IAsyncDisposable
{
    private const string CreateMessagePattern = "/2010-04-01/Accounts/{accountSid}/Messages.json";
    private const string FetchMessagePattern = "/2010-04-01/Accounts/{accountSid}/Messages/{messageSid}.json";
    private const string FetchMediaPattern = "/2010-04-01/Accounts/{accountSid}/Messages/{messageSid}/Media/{mediaSid}";

    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly CallbackDispatcher _dispatcher;
    private readonly InboundSimulator _inbound;
    private int _stopped;

    private TwilioEmulatorServer(WebApplication app, EmulatorState state, CallbackDispatcher dispatcher, InboundSimulator inbound, Uri baseAddress)
    {
        _app = app;
        _state = state;
        _dispatcher = dispatcher;
        _inbound = inbound;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:50123/</c>.</summary>
    public Uri BaseAddress { get; }

    public string AccountSid => _state.AccountSid;

    /// <summary>Every POST to Messages.json received so far, whether it was accepted, refused or failed.</summary>
    public int CreateMessageRequests => _state.CreateMessageRequests;

    /// <summary>The accepted messages, oldest first.</summary>
    public IReadOnlyCollection<EmulatedMessage> Messages => _state.Messages;

    /// <summary>
    /// Where simulated inbound messages are posted, e.g. the service's <c>/api/webhooks/twilio/inbound</c>; without
    /// one, nothing can be simulated.
    /// </summary>
    public Uri? InboundWebhookUrl
    {
        get => _state.InboundWebhookUrl;
        set => _state.InboundWebhookUrl = value is null || IsHttpUrl(value)
            ? value
            : throw new ArgumentException("The inbound webhook URL must be an absolute http or https URL.", nameof(value));
    }

    /// <summary>Every webhook posted so far (status callbacks and inbound messages), in the order they were answered.</summary>
    public IReadOnlyList<DeliveredCallback> Callbacks => _dispatcher.Delivered;

    /// <summary>Starts an emulator listening on <see cref="TwilioEmulatorOptions.Url"/>.</summary>
    public static async Task<TwilioEmulatorServer> StartAsync(TwilioEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AccountSid);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AuthToken);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Sender);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CallbackDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CallbackTimeout, TimeSpan.Zero);
        if (options.InboundWebhookUrl is { } webhook && !IsHttpUrl(webhook))
        {
            throw new ArgumentException("The inbound webhook URL must be an absolute http or https URL.", nameof(options));
        }

        var endpoint = ParseListenEndpoint(options.Url);

        // The empty builder reads no appsettings, environment variables or logging setup of the hosting process,
        // so the emulator cannot pick up the host application's Kestrel or URL settings by accident.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TwilioEmulatorServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(endpoint));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();

        var app = builder.Build();
        var state = new EmulatorState(options);
        var dispatcher = new CallbackDispatcher(options.AuthToken, options.CallbackTimeout, options.TimeProvider);
        var guard = new ApiGuard(state);
        var mediaStore = new MediaStore();
        var messages = new MessagesApi(state, guard, new MessageLifecycle(state, dispatcher, options));
        var media = new MediaApi(mediaStore, guard);
        var inbound = new InboundSimulator(state, mediaStore, dispatcher);
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is null)
            {
                await TwilioJson.WriteErrorAsync(context, MessagesApi.NotFound(context.Request.Path));
                return;
            }

            await next(context);
        });
        app.MapPost(CreateMessagePattern, (RequestDelegate)messages.CreateAsync);
        app.MapGet(FetchMessagePattern, (RequestDelegate)messages.FetchAsync);
        app.MapGet(FetchMediaPattern, (RequestDelegate)media.FetchAsync);
        app.MapGet(MediaApi.CdnPathPrefix + "{token}", (RequestDelegate)media.CdnAsync);
        app.MapPost(InboundApi.Path, (RequestDelegate)new InboundApi(state, inbound).PostAsync);

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await dispatcher.DisposeAsync();
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var baseAddress = new Uri(address.TrimEnd('/') + "/");
        state.BaseAddress = baseAddress;
        return new TwilioEmulatorServer(app, state, dispatcher, inbound, baseAddress);
    }

    public bool TryGetMessage(string sid, [NotNullWhen(true)] out EmulatedMessage? message) =>
        _state.TryGet(sid, out message);

    /// <summary>
    /// Makes the next <paramref name="count"/> API requests fail with <paramref name="statusCode"/> and a Twilio error
    /// body, as during an outage; replaces any failures still pending.
    /// </summary>
    public void FailNextRequestsWith(int statusCode, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _state.FailNextRequestsWith(statusCode, count);
    }

    /// <summary>
    /// Plays a customer writing in: posts the signed webhook Twilio would post to <see cref="InboundWebhookUrl"/>
    /// and opens the customer's service window. <paramref name="from"/> is <c>+E164</c> or <c>whatsapp:+E164</c>;
    /// <paramref name="mediaContentType"/> (<c>image/png</c>, <c>application/pdf</c>, <c>text/*</c>) adds a medium
    /// the emulator then serves. A webhook that fails is reported in the result, not thrown.
    /// </summary>
    public Task<SimulatedInbound> SimulateInboundAsync(
        string from,
        string? body = null,
        string? mediaContentType = null,
        string? profileName = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        if (string.IsNullOrEmpty(body) && mediaContentType is null)
        {
            throw new ArgumentException("A simulated message needs a body, a medium or both.", nameof(body));
        }

        return _inbound.SimulateAsync(from, body, mediaContentType, profileName, cancellationToken);
    }

    /// <summary>Stops listening and cancels every status callback still waiting or in flight.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _dispatcher.StopAsync();
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _dispatcher.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static bool IsHttpUrl(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static IPEndPoint ParseListenEndpoint(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/")
        {
            throw new ArgumentException($"The emulator URL must be an absolute http address without a path, e.g. http://127.0.0.1:0; got '{url}'.", nameof(url));
        }

        // Only loopback: the emulator accepts fixed, public development credentials.
        IPAddress? address = null;
        if (uri.HostNameType == UriHostNameType.Dns)
        {
            address = uri.IsLoopback ? IPAddress.Loopback : null;
        }
        else if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed))
        {
            address = parsed;
        }

        if (address is null || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The emulator listens on a loopback address only; got '{url}'.", nameof(url));
        }

        return new IPEndPoint(address, uri.Port);
    }
}
