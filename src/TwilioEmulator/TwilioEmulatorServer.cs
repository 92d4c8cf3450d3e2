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
    private const string MessagesPattern = "/2010-04-01/Accounts/{accountSid}/Messages.json";
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

    /// <summary>
    /// How many messages the emulator created, i.e. took on to deliver to customers (whatever their delivery then did),
    /// including those whose answer an injected fault delayed, dropped or never gave. One request never creates two.
    /// </summary>
    public int MessagesCreated => _state.MessagesCreated;

    /// <summary>The created messages, oldest first.</summary>
    public IReadOnlyList<EmulatedMessage> Messages => _state.Messages;

    /// <summary>The content templates the Content API serves, in its list order.</summary>
    public IReadOnlyList<ContentTemplate> ContentTemplates => _state.Content.Templates;

    /// <summary>Every request to the Content API received so far (lists, fetches, approvals), refused or faulted ones included.</summary>
    public int ContentRequests => _state.ContentRequests;

    /// <summary>Requests for the Messages list (each page counts), faulted ones included.</summary>
    public int MessageListRequests => _state.MessageListRequests;

    /// <summary>The injected faults still waiting for a request, in the order they will hit.</summary>
    public IReadOnlyList<PendingFault> PendingFaults => _state.Faults.Pending;

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

    /// <summary>
    /// Completes once every status callback already scheduled (for the messages created so far) has been posted and
    /// answered or given up, so a test can check that nothing more arrives without waiting a fixed time.
    /// </summary>
    public Task WhenCallbacksDoneAsync(CancellationToken cancellationToken = default) => _dispatcher.WhenIdleAsync(cancellationToken);

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

        ArgumentNullException.ThrowIfNull(options.ContentTemplates);
        var endpoint = ParseListenEndpoint(options.Url);
        var state = new EmulatorState(options);

        // Built outside the caller's execution context: WebApplicationFactory listens for hosts built in the async
        // context of the entry point it runs, and configures each as the application under test until its own thread
        // has taken the first. A service that starts the emulator during its own start raced that, and now and then
        // handed its test settings (a TestServer, with no address) to the emulator.
        Task<WebApplication> building;
        using (ExecutionContext.SuppressFlow())
        {
            building = Task.Run(() => Build(endpoint), cancellationToken);
        }

        var app = await building;
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
        var faults = new FaultInjector(state.Faults, options.TimeProvider, dispatcher.Stopping);
        var content = new ContentApi(state, guard);
        var createMessage = faults.Around(messages.CreateAsync, isMessageCreate: true);
        app.MapPost(MessagesPattern, context =>
        {
            // Counted before anything can refuse it, so callers can see every attempt, retries included.
            state.CountCreateMessageRequest();
            return createMessage(context);
        });
        var listMessages = faults.Around(messages.ListAsync, isMessageCreate: false);
        app.MapGet(MessagesPattern, context =>
        {
            state.CountMessageListRequest();
            return listMessages(context);
        });
        app.MapGet(FetchMessagePattern, faults.Around(messages.FetchAsync, isMessageCreate: false));
        app.MapGet(FetchMediaPattern, faults.Around(media.FetchAsync, isMessageCreate: false));
        RequestDelegate CountedContent(RequestDelegate handler)
        {
            var faulted = faults.Around(handler, isMessageCreate: false);
            return context =>
            {
                state.CountContentRequest();
                return faulted(context);
            };
        }

        app.MapGet(ContentApi.ListPath, CountedContent(content.ListAsync));
        app.MapGet(ContentApi.ListWithApprovalsPath, CountedContent(content.ListWithApprovalsAsync));
        app.MapGet(ContentApi.FetchPattern, CountedContent(content.FetchAsync));
        app.MapGet(ContentApi.ApprovalPattern, CountedContent(content.FetchApprovalAsync));
        app.MapGet(MediaApi.CdnPathPrefix + "{token}", (RequestDelegate)media.CdnAsync);
        app.MapPost(InboundApi.Path, (RequestDelegate)new InboundApi(state, inbound).PostAsync);
        var faultsApi = new FaultsApi(state);
        app.MapPost(FaultsApi.FaultsPath, (RequestDelegate)faultsApi.PostAsync);
        app.MapGet(FaultsApi.FaultsPath, (RequestDelegate)faultsApi.GetAsync);
        app.MapDelete(FaultsApi.FaultsPath, (RequestDelegate)faultsApi.DeleteAsync);
        app.MapGet(FaultsApi.StatsPath, (RequestDelegate)faultsApi.StatsAsync);

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
    /// body, as during an outage; replaces any faults still pending. The same as <see cref="ClearFaults"/> followed by
    /// <see cref="InjectFault"/> with <see cref="TwilioFault.Error"/> and <see cref="TwilioFaultTarget.AnyRequest"/>.
    /// </summary>
    public void FailNextRequestsWith(int statusCode, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _state.Faults.Replace(TwilioFault.Error(statusCode), count, TwilioFaultTarget.AnyRequest);
    }

    /// <summary>
    /// Queues <paramref name="fault"/> for the next <paramref name="count"/> requests that <paramref name="target"/>
    /// names, after any faults already queued: each request takes the first pending fault that targets it. Faults
    /// also hit requests that would have been refused (bad credentials, invalid fields).
    /// </summary>
    public void InjectFault(TwilioFault fault, int count = 1, TwilioFaultTarget target = TwilioFaultTarget.MessageCreates)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!Enum.IsDefined(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target));
        }

        _state.Faults.Add(fault, count, target);
    }

    /// <summary>
    /// Serves <paramref name="templates"/> from now on instead of the catalogue before, as when templates are created,
    /// deleted, approved or rejected at Twilio while the service runs. Checked like
    /// <see cref="TwilioEmulatorOptions.ContentTemplates"/>; a request under way finishes with the catalogue it began with.
    /// </summary>
    public void ReplaceContentTemplates(IEnumerable<ContentTemplate> templates) =>
        _state.Content = new ContentCatalogue(templates, _state.TimeProvider.GetUtcNow());

    /// <summary>Drops every fault still pending; requests already delayed or hanging are not affected.</summary>
    public void ClearFaults() => _state.Faults.Clear();

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

    private static WebApplication Build(IPEndPoint endpoint)
    {
        // The empty builder reads no appsettings, environment variables or logging setup of the hosting process,
        // so the emulator cannot pick up the host application's Kestrel or URL settings by accident.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TwilioEmulatorServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(endpoint));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        return builder.Build();
    }

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
