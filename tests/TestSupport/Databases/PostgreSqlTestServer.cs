using Npgsql;

namespace Messaging.TestSupport;

/// <summary>
/// The PostgreSQL server the tests run against, named by <see cref="ConnectionStringVariable"/> (CI starts one and sets
/// it). Without it a test that needs the server is ignored, with the reason, on a developer's machine; under
/// <c>CI=true</c> it fails, so a server that did not start can never pass as skipped tests.
/// </summary>
public static class PostgreSqlTestServer
{
    public const string ConnectionStringVariable = "MESSAGING_TEST_POSTGRES";

    /// <summary>The server's connection string, or the end of the test when there is none.</summary>
    public static string RequireConnectionString()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        var reason = $"{ConnectionStringVariable} is not set: no PostgreSQL server to run this test against "
            + "(a connection string for a role that may create databases, e.g. Host=127.0.0.1;Username=...;Password=...;Database=postgres).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }

        Assert.Ignore(reason);
        return string.Empty;
    }

    /// <summary>Creates an empty database of its own for one test and returns its connection string.</summary>
    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync()
    {
        var server = RequireConnectionString();
        var name = "messaging_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return (name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public static async Task DropDatabaseAsync(string name)
    {
        // The pools keep idle connections to it open. Without FORCE, which would need the right to end other roles'
        // sessions, PostgreSQL still ends an autovacuum worker in the way by itself.
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(RequireConnectionString());
        await connection.OpenAsync();
        await WhenSessionsEndAsync(connection, name);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    // A process killed while connected leaves sessions that the server ends once it notices the closed sockets; a DROP
    // before that is refused. Bounded: a session that stays is reported by the DROP itself.
    private static async Task WhenSessionsEndAsync(NpgsqlConnection connection, string name)
    {
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = @name AND backend_type = 'client backend' AND pid <> pg_backend_pid()", connection);
        count.Parameters.AddWithValue("name", name);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((long)(await count.ExecuteScalarAsync())! > 0 && DateTime.UtcNow < deadline)
        {
            // The server gives no signal when a session ends; look again shortly.
            await Task.Delay(50);
        }
    }
}
