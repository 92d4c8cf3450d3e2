using Microsoft.Data.Sqlite;

namespace Messaging.LoadTest;

/// <summary>
/// Fills the service's tables directly, with prepared INSERTs in one transaction: the fast bulk load, not the API.
/// Rows are written in the shapes EF Core writes them (UTC ticks, enum names, upper-case GUID text, media as JSON), and
/// each contact's conversation row is computed along the way, as the service's upsert would have kept it.
/// </summary>
internal sealed class MessageSeeder : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _insert;
    private readonly Dictionary<string, ConversationSeed> _conversations = new(StringComparer.Ordinal);

    private MessageSeeder(SqliteConnection connection, SqliteTransaction transaction, SqliteCommand insert)
    {
        _connection = connection;
        _transaction = transaction;
        _insert = insert;
    }

    public static async Task<MessageSeeder> OpenAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            // Seeding is preparation, not the measured path: nothing is lost if it is cut short.
            pragma.CommandText = "PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        var transaction = connection.BeginTransaction();
        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Messages" ("Id", "WaSid", "Direction", "From", "To", "Body", "ProfileName", "ContentSid", "Status",
                                    "ErrorCode", "ErrorMessage", "CreatedAt", "UpdatedAt", "Media", "ConcurrencyStamp")
            VALUES ($id, $sid, $direction, $from, $to, $body, $profile, NULL, $status, $code, $error, $at, $at, $media, $stamp)
            """;
        foreach (var name in (string[])["$id", "$sid", "$direction", "$from", "$to", "$body", "$profile", "$status", "$code", "$error", "$at", "$media", "$stamp"])
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        insert.Prepare();
        return new MessageSeeder(connection, transaction, insert);
    }

    public async Task AddAsync(SeedMessage message)
    {
        var id = Guid.CreateVersion7(message.CreatedAt);
        var contact = Contacts.Address(message.Contact);
        var p = _insert.Parameters;
        p["$id"].Value = id;
        p["$sid"].Value = message.Sid;
        p["$direction"].Value = message.Inbound ? "Inbound" : "Outbound";
        p["$from"].Value = message.Inbound ? contact : TwilioForms.Sender;
        p["$to"].Value = message.Inbound ? TwilioForms.Sender : contact;
        p["$body"].Value = (object?)message.Body ?? DBNull.Value;
        p["$profile"].Value = (object?)message.ProfileName ?? DBNull.Value;
        p["$status"].Value = message.Status;
        p["$code"].Value = (object?)message.ErrorCode ?? DBNull.Value;
        p["$error"].Value = message.ErrorCode is null ? DBNull.Value : "Unknown error";
        p["$at"].Value = message.CreatedAt.UtcTicks;
        p["$media"].Value = message.MediaJson ?? "[]";
        p["$stamp"].Value = Guid.Empty;
        await _insert.ExecuteNonQueryAsync();

        if (!_conversations.TryGetValue(contact, out var conversation))
        {
            conversation = new ConversationSeed(contact);
            _conversations[contact] = conversation;
        }

        conversation.Add(id, message);
    }

    /// <summary>Writes the conversation rows (the database was empty) and commits.</summary>
    public async Task CommitAsync()
    {
        await using var insert = _connection.CreateCommand();
        insert.Transaction = _transaction;
        insert.CommandText = """
            INSERT INTO "Conversations" ("Contact", "ProfileName", "LastMessageId", "LastActivityAt", "MessageCount", "LastInboundAt")
            VALUES ($contact, $profile, $last, $at, $count, $inbound)
            """;
        foreach (var conversation in _conversations.Values)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$contact", conversation.Contact);
            insert.Parameters.AddWithValue("$profile", (object?)conversation.ProfileName ?? DBNull.Value);
            insert.Parameters.AddWithValue("$last", conversation.LastId);
            insert.Parameters.AddWithValue("$at", conversation.LastAt.UtcTicks);
            insert.Parameters.AddWithValue("$count", conversation.Count);
            insert.Parameters.AddWithValue("$inbound", conversation.LastInboundAt is { } inbound ? inbound.UtcTicks : DBNull.Value);
            await insert.ExecuteNonQueryAsync();
        }

        await _transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
