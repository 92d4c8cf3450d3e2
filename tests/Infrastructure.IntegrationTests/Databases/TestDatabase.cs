namespace Messaging.Infrastructure.IntegrationTests.Databases;

/// <summary>
/// A database of the test's own (see <see cref="EmptyDatabase"/>), migrated through the application's own registration,
/// with the services that work on it: the one way integration tests get a database.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly EmptyDatabase _database;
    private readonly IConfiguration _configuration;
    private readonly ServiceProvider _services;

    private TestDatabase(EmptyDatabase database, IConfiguration configuration, ServiceProvider services)
    {
        _database = database;
        _configuration = configuration;
        _services = services;
    }

    public string Provider => _database.Provider;

    public string ConnectionString => _database.ConnectionString;

    /// <param name="provider"><see cref="DatabaseOptions.Sqlite"/> or <see cref="DatabaseOptions.PostgreSql"/>.</param>
    /// <param name="settings">Configuration on top of the database's provider and connection string.</param>
    /// <param name="services">Registrations made before the application's persistence, with the configuration.</param>
    public static async Task<TestDatabase> CreateAsync(
        string provider = DatabaseOptions.Sqlite,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection, IConfiguration>? services = null)
    {
        var database = await EmptyDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "true" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var container = Build(configuration, registrations => services?.Invoke(registrations, configuration));
        await container.InitialiseDatabaseAsync();
        return new TestDatabase(database, configuration, container);
    }

    public AsyncServiceScope CreateScope() => _services.CreateAsyncScope();

    /// <summary>
    /// Another container on the same database, as a second instance of the service would have: its own database writer,
    /// contexts and connections. The caller disposes it.
    /// </summary>
    /// <param name="services">Registrations made before the application's own, e.g. a fake clock.</param>
    public ServiceProvider CreateInstance(Action<IServiceCollection>? services = null) => Build(_configuration, services);

    private static ServiceProvider Build(IConfiguration configuration, Action<IServiceCollection>? before = null)
    {
        var services = new ServiceCollection();
        before?.Invoke(services);
        return services
            .AddPersistence(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
