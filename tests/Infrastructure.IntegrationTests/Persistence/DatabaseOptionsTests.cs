using NUnit.Framework.Constraints;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

public sealed class DatabaseOptionsTests
{
    [Test]
    public Task An_unknown_provider_stops_the_host_from_starting() =>
        AssertStartFailsAsync(
            new() { ["Database:Provider"] = "Bogus" },
            Does.Contain("'Bogus'").And.Contain("Sqlite").And.Contain("SqlServer").And.Contain("PostgreSql"));

    [Test]
    public Task Sql_server_without_a_connection_string_stops_the_host_from_starting() =>
        AssertStartFailsAsync(new() { ["Database:Provider"] = "SqlServer" }, Does.Contain("Database:ConnectionString"));

    [TestCase("", "Database:ConnectionString is required")]
    [TestCase("Database=messaging", "names no Host")]
    [TestCase("Hots=db;Database=messaging", "Database:ConnectionString is not a PostgreSQL connection string")]
    public Task PostgreSql_without_a_usable_connection_string_stops_the_host_from_starting(string connectionString, string expected) =>
        AssertStartFailsAsync(
            new() { ["Database:Provider"] = "PostgreSql", ["Database:ConnectionString"] = connectionString }, Does.Contain(expected));

    [TestCase("Database:PendingStatusRetentionDays", "0")]
    [TestCase("Database:PendingStatusPurgeIntervalMinutes", "0")]
    public Task A_pending_status_purge_setting_out_of_range_stops_the_host_from_starting(string key, string value) =>
        AssertStartFailsAsync(new() { [key] = value }, Does.Contain(key));

    [TestCase("0")]
    [TestCase("10001")]
    public Task A_write_batch_size_out_of_range_stops_the_host_from_starting(string size) =>
        AssertStartFailsAsync(
            new() { ["Database:MaxWriteBatchSize"] = size }, Does.Contain("Database:MaxWriteBatchSize").And.Contain(size));

    [Test]
    public async Task Initialising_the_database_with_an_unknown_provider_fails_validation()
    {
        using var host = BuildHost(new() { ["Database:Provider"] = "Bogus" });

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.Services.InitialiseDatabaseAsync());
    }

    [Test]
    public void Sql_server_configuration_resolves_the_sql_server_context_as_the_shared_context() =>
        AssertServerConfigurationResolves<SqlServerMessagingDbContext>(
            "SqlServer", "Server=.;Database=x;Trusted_Connection=True;TrustServerCertificate=True");

    [Test]
    public void PostgreSql_configuration_resolves_the_postgresql_context_as_the_shared_context() =>
        AssertServerConfigurationResolves<PostgreSqlMessagingDbContext>(
            "PostgreSql", "Host=db.internal;Database=messaging;Username=messaging");

    [Test]
    public void Sqlite_is_the_default_and_lives_next_to_the_application()
    {
        using var host = BuildHost([]);

        var options = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var connectionString = PersistenceServiceCollectionExtensions.SqliteConnectionString(options);

        Assert.Multiple(() =>
        {
            Assert.That(options.IsSqlite, Is.True);
            Assert.That(options.ShouldMigrateOnStartup, Is.True);
            Assert.That(connectionString, Does.Contain(Path.Combine(AppContext.BaseDirectory, "messaging.db")));
        });
    }

    /// <summary>
    /// Asserts that a server <paramref name="provider"/> resolves <typeparamref name="TContext"/> as the shared context,
    /// and that its database is left to deployment to migrate.
    /// </summary>
    private static void AssertServerConfigurationResolves<TContext>(string provider, string connectionString)
        where TContext : MessagingDbContext
    {
        using var host = BuildHost(new()
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
        });
        using var scope = host.Services.CreateScope();

        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var options = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(context, Is.InstanceOf<TContext>());
            Assert.That(options.ShouldMigrateOnStartup, Is.False, "a server database is migrated by deployment unless asked");
        });
    }

    /// <summary>
    /// Asserts that options validation stops a host with <paramref name="settings"/> from starting, with a message that
    /// meets <paramref name="message"/>.
    /// </summary>
    private static async Task AssertStartFailsAsync(Dictionary<string, string?> settings, IResolveConstraint message)
    {
        using var host = BuildHost(settings);

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(exception!.Message, message);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPersistence(builder.Configuration);
        return builder.Build();
    }
}
