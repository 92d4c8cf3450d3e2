namespace Messaging.Api.FunctionalTests;

/// <summary>
/// The one way functional tests get the application: <see cref="Factory"/> and a <see cref="Client"/> holding the full
/// key, started and disposed here for each test or once for the fixture (<see cref="AppSharing"/>).
/// </summary>
public abstract class ApiFixture(AppSharing sharing = AppSharing.PerTest)
{
    private MessagingApiFactory? _factory;
    private HttpClient? _client;

    protected MessagingApiFactory Factory => _factory ?? throw new InvalidOperationException("The application starts in the fixture's set-up.");

    protected HttpClient Client => _client ?? throw new InvalidOperationException("The application starts in the fixture's set-up.");

    /// <summary>The application the fixture's tests run against; the default configuration unless overridden.</summary>
    protected virtual MessagingApiFactory CreateFactory() => new();

    /// <summary>Runs once the application is up, before the tests that share it.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    [OneTimeSetUp]
    public Task StartForFixture() => When(AppSharing.PerFixture, StartAsync);

    [SetUp]
    public Task StartForTest() => When(AppSharing.PerTest, StartAsync);

    [TearDown]
    public Task StopAfterTest() => When(AppSharing.PerTest, StopAsync);

    [OneTimeTearDown]
    public Task StopAfterFixture() => When(AppSharing.PerFixture, StopAsync);

    private Task When(AppSharing applies, Func<Task> step) => sharing == applies ? step() : Task.CompletedTask;

    private async Task StartAsync()
    {
        _factory = CreateFactory();
        // Created here, not on first use: tests call the client from many threads at once, and the first call starts
        // the server, which must happen once.
        _client = _factory.CreateClient();
        await SeedAsync();
    }

    private async Task StopAsync()
    {
        _client?.Dispose();
        _client = null;
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            _factory = null;
        }
    }
}
