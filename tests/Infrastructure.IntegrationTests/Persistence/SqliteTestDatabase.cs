using Messaging.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>A SQLite file in its own temporary directory, migrated through the application's own registration.</summary>
internal sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly string _directory;
    private readonly IConfiguration _configuration;
    private readonly ServiceProvider _services;

    private SqliteTestDatabase(string directory, string filePath, IConfiguration configuration, ServiceProvider services)
    {
        _directory = directory;
        FilePath = filePath;
        _configuration = configuration;
        _services = services;
    }

    public string FilePath { get; }

    /// <param name="settings">Configuration on top of the file's provider and connection string.</param>
    public static async Task<SqliteTestDatabase> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "messaging-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var filePath = Path.Combine(directory, "messaging.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = $"Data Source={filePath}",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = Build(configuration);
        await services.InitialiseDatabaseAsync();
        return new SqliteTestDatabase(directory, filePath, configuration, services);
    }

    public AsyncServiceScope CreateScope() => _services.CreateAsyncScope();

    /// <summary>
    /// Another container on the same file, as a second instance of the service would have: its own database writer,
    /// contexts and connections. The caller disposes it.
    /// </summary>
    public ServiceProvider CreateInstance() => Build(_configuration);

    private static ServiceProvider Build(IConfiguration configuration) =>
        new ServiceCollection()
            .AddPersistence(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        // Pooled connections keep the file open, and an open file cannot be deleted everywhere.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
