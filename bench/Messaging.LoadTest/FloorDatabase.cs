using Microsoft.Data.Sqlite;

namespace Messaging.LoadTest;

/// <summary>
/// The floor's storage: raw Microsoft.Data.Sqlite, no ORM. Every write is one INSERT committed on its own, durably
/// (WAL, <c>synchronous=FULL</c>), on one connection taken in turn, so writes never meet SQLite's busy handler.
/// Reads use pooled read-only connections alongside.
/// </summary>
internal sealed class FloorDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly SqliteCommand _insertInbound;
    private readonly SqliteCommand _insertStatus;
    private readonly SqliteCommand _insertSent;

    private FloorDatabase(SqliteConnection writer, string readConnectionString, string? messagesConnectionString)
    {
        _writer = writer;
        ReadConnectionString = readConnectionString;
        MessagesConnectionString = messagesConnectionString;
        _insertInbound = Command(writer, """INSERT OR IGNORE INTO "Inbound" ("Sid", "Contact", "Body", "At") VALUES ($a, $b, $c, $t)""");
        _insertStatus = Command(writer, """INSERT INTO "Statuses" ("Sid", "Status", "Contact", "At") VALUES ($a, $b, $c, $t)""");
        _insertSent = Command(writer, """INSERT INTO "Sent" ("Sid", "Contact", "Body", "At") VALUES ($a, $b, $c, $t)""");
    }

    /// <summary>The floor's own file, read-only (replayed responses).</summary>
    public string ReadConnectionString { get; }

    /// <summary>The service's seeded database, read-only, for the read floors; null when not given.</summary>
    public string? MessagesConnectionString { get; }

    public static async Task<FloorDatabase> OpenAsync(string path, string? messagesPath)
    {
        var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await writer.OpenAsync();
        await using (var setup = writer.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                CREATE TABLE IF NOT EXISTS "Inbound" ("Sid" TEXT PRIMARY KEY, "Contact" TEXT NOT NULL, "Body" TEXT, "At" INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS "Statuses" ("Sid" TEXT NOT NULL, "Status" TEXT NOT NULL, "Contact" TEXT NOT NULL, "At" INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS "Sent" ("Sid" TEXT PRIMARY KEY, "Contact" TEXT NOT NULL, "Body" TEXT, "At" INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS "Replays" ("Key" TEXT PRIMARY KEY, "Body" TEXT NOT NULL);
                """;
            await setup.ExecuteNonQueryAsync();
        }

        return new FloorDatabase(
            writer,
            ReadOnly(path),
            messagesPath is null ? null : ReadOnly(messagesPath));
    }

    public Task InsertInboundAsync(string sid, string contact, string? body) => InsertAsync(_insertInbound, sid, contact, body);

    public Task InsertStatusAsync(string sid, string status, string contact) => InsertAsync(_insertStatus, sid, status, contact);

    public Task InsertSentAsync(string sid, string contact, string? body) => InsertAsync(_insertSent, sid, contact, body);

    public async ValueTask DisposeAsync()
    {
        await _insertInbound.DisposeAsync();
        await _insertStatus.DisposeAsync();
        await _insertSent.DisposeAsync();
        await _writer.DisposeAsync();
        _turn.Dispose();
    }

    private static string ReadOnly(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in (string[])["$a", "$b", "$c", "$t"])
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private async Task InsertAsync(SqliteCommand command, string a, string b, string? c)
    {
        await _turn.WaitAsync();
        try
        {
            command.Parameters[0].Value = a;
            command.Parameters[1].Value = b;
            command.Parameters[2].Value = (object?)c ?? DBNull.Value;
            command.Parameters[3].Value = DateTime.UtcNow.Ticks;
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            _turn.Release();
        }
    }
}
