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

    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private int _stopped;

    private TwilioEmulatorServer(WebApplication app, EmulatorState state, Uri baseAddress)
    {
        _app = app;
        _state = state;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:50123/</c>.</summary>
    public Uri BaseAddress { get; }

    public string AccountSid => _state.AccountSid;

    public Uri? InboundWebhookUrl { get; set; }

    /// <summary>Every POST to Messages.json received so far, whether it was accepted, refused or failed.</summary>
    public int CreateMessageRequests => _state.CreateMessageRequests;

    /// <summary>The accepted messages, oldest first.</summary>
    public IReadOnlyCollection<EmulatedMessage> Messages => _state.Messages;

    /// <summary>Starts an emulator listening on <see cref="TwilioEmulatorOptions.Url"/>.</summary>
    public static async Task<TwilioEmulatorServer> StartAsync(TwilioEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AccountSid);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AuthToken);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
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
        var messages = new MessagesApi(state);
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

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TwilioEmulatorServer(app, state, new Uri(address.TrimEnd('/') + "/"));
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

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
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
