using Microsoft.Data.Sqlite;

namespace Messaging.LoadTest;

/// <summary>Read-only questions about the service's database, asked after a run to check what it stored.</summary>
internal sealed class StoredRows : IDisposable
{
    private readonly SqliteConnection _connection;

    private StoredRows(SqliteConnection connection) => _connection = connection;

    public static StoredRows Open(string path)
    {
        var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return new StoredRows(connection);
    }

    /// <summary>Each stored SID with its message's status, for messages in <paramref name="direction"/>.</summary>
    public Dictionary<string, string> StatusBySid(string direction)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """SELECT "WaSid", "Status" FROM "Messages" WHERE "Direction" = $direction AND "WaSid" IS NOT NULL""";
        command.Parameters.AddWithValue("$direction", direction);
        using var reader = command.ExecuteReader();
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            statuses[reader.GetString(0)] = reader.GetString(1);
        }

        return statuses;
    }

    /// <summary>SIDs stored more than once: always zero, unless the one-SID-one-row rule broke.</summary>
    public long DuplicatedSids() =>
        Count("""SELECT COUNT(*) FROM (SELECT "WaSid" FROM "Messages" WHERE "WaSid" IS NOT NULL GROUP BY "WaSid" HAVING COUNT(*) > 1)""");

    public long Messages() => Count("""SELECT COUNT(*) FROM "Messages" """);

    public long PendingStatuses() => Count("""SELECT COUNT(*) FROM "PendingStatusUpdates" """);

    /// <summary>The SIDs statuses are kept for, waiting for their message.</summary>
    public HashSet<string> PendingSids()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """SELECT DISTINCT "WaSid" FROM "PendingStatusUpdates" """;
        using var reader = command.ExecuteReader();
        var sids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            sids.Add(reader.GetString(0));
        }

        return sids;
    }

    /// <summary>Whether the conversations count every message once, as the insert's upsert keeps them.</summary>
    public bool ConversationsCountEveryMessage() =>
        Count("""SELECT COALESCE(SUM("MessageCount"), 0) FROM "Conversations" """) == Messages();

    public void Dispose() => _connection.Dispose();

    private long Count(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
