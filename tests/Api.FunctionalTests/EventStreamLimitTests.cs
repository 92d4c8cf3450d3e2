using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// One API key cannot hold an unbounded number of event streams (each holds a connection and memory), and the streams
/// of a key end when the configuration stops accepting it.
/// </summary>
public sealed class EventStreamLimitTests : ApiFixture
{
    private const int Limit = 3;
    private const string RevocableName = "revocable";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly List<IDisposable> _open = [];
    private string _directory = null!;
    private string _keysFile = null!;
    private string _revocableKey = null!;

    // On Kestrel: only a real connection tells the server that its client closed a stream.
    protected override MessagingApiFactory CreateFactory()
    {
        _directory = Directory.CreateTempSubdirectory("messaging-keys-").FullName;
        _keysFile = Path.Combine(_directory, "keys.json");
        _revocableKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        WriteRevocableKey(TestApiKey.Sha256Hex(_revocableKey));
        return new MessagingApiFactory(
            new Dictionary<string, string?> { ["Events:MaxStreamsPerKey"] = Limit.ToString(CultureInfo.InvariantCulture) },
            settingsFile: _keysFile).OnKestrel();
    }

    [TearDown]
    public void CloseStreams()
    {
        foreach (var open in _open)
        {
            open.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task A_key_holding_its_limit_of_streams_gets_429_for_one_more_while_other_keys_still_connect()
    {
        for (var i = 0; i < Limit; i++)
        {
            await OpenReadyStream(TestApiKeys.Full);
        }

        using var client = Factory.CreateClient(TestApiKeys.Full);
        using var refused = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain($"{Limit} open event streams"));
        });
        Assert.That(async () => await OpenReadyStream(TestApiKeys.ReadOnly), Throws.Nothing);
    }

    [Test]
    public async Task A_stream_closed_by_its_client_frees_its_place()
    {
        var streams = new List<(HttpClient Client, HttpResponseMessage Response)>();
        for (var i = 0; i < Limit; i++)
        {
            streams.Add(await OpenReadyStream(TestApiKeys.Full));
        }

        streams[0].Response.Dispose();
        streams[0].Client.Dispose();

        // The server learns of the closed connection on its own time; a client retrying would see this.
        var reopened = await Eventually(async () =>
        {
            using var client = Factory.CreateClient(TestApiKeys.Full);
            var response = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                _open.Add(response);
                return true;
            }

            response.Dispose();
            return false;
        });

        Assert.That(reopened, Is.True);
    }

    [Test]
    public async Task Revoking_a_key_ends_its_open_streams_and_refuses_it_from_then_on()
    {
        var (_, stream) = await OpenReadyStream(_revocableKey);
        var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());

        WriteRevocableKey(TestApiKey.Sha256Hex("a-rotated-key"));
        ((IConfigurationRoot)Factory.Services.GetRequiredService<IConfiguration>()).Reload();

        using var timeout = new CancellationTokenSource(Patience);
        string? line;
        do
        {
            line = await reader.ReadLineAsync(timeout.Token);
        }
        while (line is not null);

        using var client = Factory.CreateClient(_revocableKey);
        using var again = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private void WriteRevocableKey(string sha256) => File.WriteAllText(_keysFile, new JsonObject
    {
        ["Auth"] = new JsonObject
        {
            ["ApiKeys"] = new JsonObject
            {
                ["9"] = new JsonObject
                {
                    ["Name"] = RevocableName,
                    ["Sha256"] = sha256,
                    ["Scopes"] = new JsonArray("messages:read"),
                },
            },
        },
    }.ToJsonString());

    private async Task<(HttpClient Client, HttpResponseMessage Response)> OpenReadyStream(string apiKey)
    {
        var client = Factory.CreateClient(apiKey);
        _open.Add(client);
        using var timeout = new CancellationTokenSource(Patience);
        var response = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        _open.Add(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // Read only up to the ready event, byte by byte, so the rest of the stream is left for the test.
        var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        var seen = new List<byte>();
        var buffer = new byte[1];
        while (!System.Text.Encoding.UTF8.GetString([.. seen]).Contains("event: ready\n", StringComparison.Ordinal))
        {
            Assert.That(await stream.ReadAsync(buffer, timeout.Token), Is.EqualTo(1), "the stream ended before its ready event");
            seen.Add(buffer[0]);
        }

        return (client, response);
    }

    private static async Task<bool> Eventually(Func<Task<bool>> attempt)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await attempt())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
