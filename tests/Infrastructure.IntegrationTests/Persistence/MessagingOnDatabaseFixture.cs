namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>A provider fixture whose every test gets the application's commands on a database of its own (<see cref="App"/>).</summary>
public abstract class MessagingOnDatabaseFixture(string provider) : ProviderFixture(provider)
{
    private MessagingOnDatabase? _app;

    private protected MessagingOnDatabase App => _app ?? throw new InvalidOperationException("The application starts in the test's set-up.");

    [SetUp]
    public async Task StartApp() => _app = await MessagingOnDatabase.CreateAsync(Provider);

    [TearDown]
    public async Task StopApp()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
