using System.Net.Http.Headers;
using System.Text;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

/// <summary>An emulator started for one test, with raw HTTP calls the way Twilio's API expects them.</summary>
internal sealed class EmulatorClient : IAsyncDisposable
{
    public const string Sender = "whatsapp:+14155238886";

    private EmulatorClient(TwilioEmulatorServer server, TwilioEmulatorOptions options)
    {
        Server = server;
        Options = options;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
    }

    public TwilioEmulatorServer Server { get; }

    public TwilioEmulatorOptions Options { get; }

    public HttpClient Http { get; }

    public AuthenticationHeaderValue Auth =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Options.AccountSid}:{Options.AuthToken}")));

    public static async Task<EmulatorClient> StartAsync(Action<TwilioEmulatorOptions>? configure = null)
    {
        var options = new TwilioEmulatorOptions
        {
            AccountSid = "AC" + Guid.NewGuid().ToString("N"),
            AuthToken = Guid.NewGuid().ToString("N"),
            CallbackDelay = TimeSpan.FromMilliseconds(5),
        };
        configure?.Invoke(options);
        return new EmulatorClient(await TwilioEmulatorServer.StartAsync(options), options);
    }

    /// <summary>An emulator on <paramref name="clock"/>, which only the test moves, calling back as soon as it is due.</summary>
    public static Task<EmulatorClient> StartOnClockAsync(FakeTimeProvider clock, Action<TwilioEmulatorOptions>? configure = null) =>
        StartAsync(options =>
        {
            options.TimeProvider = clock;
            options.CallbackDelay = TimeSpan.Zero;
            configure?.Invoke(options);
        });

    /// <summary>The real Twilio SDK, pointed at this emulator with its credentials.</summary>
    public SdkClient Sdk() => new(Server, Options.AccountSid, Options.AuthToken);

    /// <summary>Creates a message and returns its SID; fails the test unless the emulator accepted it.</summary>
    public async Task<string> SendAsync(string to, Uri? statusCallback, string? body = "Hello", string? contentSid = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("To", to), new("From", Sender) };
        if (body is not null)
        {
            fields.Add(new("Body", body));
        }

        if (contentSid is not null)
        {
            fields.Add(new("ContentSid", contentSid));
        }

        if (statusCallback is not null)
        {
            fields.Add(new("StatusCallback", statusCallback.AbsoluteUri));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"2010-04-01/Accounts/{Options.AccountSid}/Messages.json")
        {
            Content = new FormUrlEncodedContent(fields),
        };
        request.Headers.Authorization = Auth;
        using var response = await Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("queued"));
        return json.RootElement.GetProperty("sid").GetString()!;
    }

    /// <summary>The message as Twilio's fetch answers it.</summary>
    public async Task<JsonElement> FetchAsync(string sid)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"2010-04-01/Accounts/{Options.AccountSid}/Messages/{sid}.json");
        request.Headers.Authorization = Auth;
        using var response = await Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    /// <summary>Waits until the fetched message has <paramref name="status"/>, failing the test after a few seconds.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string sid, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var json = await FetchAsync(sid);
            if (json.GetProperty("status").GetString() == status)
            {
                return json;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Message {sid} is '{json.GetProperty("status").GetString()}', never became '{status}'.");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
