namespace Messaging.Infrastructure.IntegrationTests.Databases;

/// <summary>
/// A provider fixture whose every test gets a migrated database of its own (<see cref="Database"/>) and a clock at a
/// fixed instant that only the test moves.
/// </summary>
public abstract class DatabaseFixture(string provider) : ProviderFixture(provider)
{
    private TestDatabase? _database;

    protected static DateTimeOffset Start { get; } = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private protected TestDatabase Database => _database ?? throw new InvalidOperationException("The database is created in the test's set-up.");

    protected FakeTimeProvider Clock { get; private set; } = new(Start);

    [SetUp]
    public async Task CreateDatabase()
    {
        Clock = new FakeTimeProvider(Start);
        _database = await TestDatabase.CreateAsync(Provider);
    }

    [TearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
            _database = null;
        }
    }
}
