namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// The statements of the hot write path, one text per provider, run as prepared commands by the writer. Their
/// parameters are bound through the model's type mappings (see <see cref="Statement"/>), so every value is stored as
/// EF Core stores it.
/// </summary>
internal static class MessageWriteSql
{
    /// <summary>
    /// Inserts a message unless one with its SID, or its id, is stored: one statement, no error to recover from when
    /// Twilio delivers a webhook again. Zero rows changed means the SID was taken, or the id was: ids are chosen for one
    /// send, so a stored id is this very message, written by an earlier run of this unit whose commit succeeded though
    /// its answer was lost (the writer then runs the unit again). The unique indexes stay the guard between processes;
    /// on SQL Server the range locks taken by the checks hold until the commit.
    /// </summary>
    public const string SqliteInsert = """
        INSERT INTO "Messages" ("Id", "WaSid", "Direction", "From", "To", "Body", "ProfileName", "ContentSid", "Status",
                                "ErrorCode", "ErrorMessage", "CreatedAt", "UpdatedAt", "Media", "ConcurrencyStamp")
        VALUES (@id, @waSid, @direction, @from, @to, @body, @profileName, @contentSid, @status,
                @errorCode, @errorMessage, @createdAt, @updatedAt, @media, @stamp)
        ON CONFLICT DO NOTHING
        """;

    public const string SqlServerInsert = """
        INSERT INTO [Messages] ([Id], [WaSid], [Direction], [From], [To], [Body], [ProfileName], [ContentSid], [Status],
                                [ErrorCode], [ErrorMessage], [CreatedAt], [UpdatedAt], [Media], [ConcurrencyStamp])
        SELECT @id, @waSid, @direction, @from, @to, @body, @profileName, @contentSid, @status,
               @errorCode, @errorMessage, @createdAt, @updatedAt, @media, @stamp
        WHERE NOT EXISTS (SELECT 1 FROM [Messages] WITH (UPDLOCK, HOLDLOCK) WHERE [Id] = @id)
          AND (@waSid IS NULL
           OR NOT EXISTS (SELECT 1 FROM [Messages] WITH (UPDLOCK, HOLDLOCK) WHERE [WaSid] = @waSid))
        """;

    // SQLite's statement, but for the media: PostgreSQL keeps them as jsonb and will not take text for it unasked. A
    // concurrent insert of the same SID makes it wait for the other transaction: once that commits, the SID is taken
    // (or, when this serializable transaction cannot see the row, a serialization failure has the writer run it again).
    public static readonly string PostgreSqlInsert = SqliteInsert.Replace("@media", "CAST(@media AS jsonb)", StringComparison.Ordinal);

    /// <summary>Whether any status is pending for the SID <c>@waSid</c>: almost never, so this cheap probe comes first.</summary>
    public const string SqlitePendingExists = """SELECT 1 FROM "PendingStatusUpdates" WHERE "WaSid" = @waSid LIMIT 1""";

    public const string SqlServerPendingExists = """SELECT TOP (1) 1 FROM [PendingStatusUpdates] WHERE [WaSid] = @waSid""";

    public const string PostgreSqlPendingExists = SqlitePendingExists;

    /// <summary>
    /// The conversation upsert (<see cref="ConversationUpsertSql"/>) with the message's id as <c>@id</c>, answering the
    /// row as it left it (profile name, last message id, last activity, count, last inbound, in that order): the event
    /// that announces the conversation needs it, and reading it back would cost a statement more per message.
    /// </summary>
    public static readonly string SqliteUpsertConversation = Returning(
        ConversationUpsertSql.Sqlite,
        "RETURNING \"ProfileName\", \"LastMessageId\", \"LastActivityAt\", \"MessageCount\", \"LastInboundAt\";");

    public static readonly string SqlServerUpsertConversation = Returning(
        ConversationUpsertSql.SqlServer,
        "OUTPUT inserted.[ProfileName], inserted.[LastMessageId], inserted.[LastActivityAt], inserted.[MessageCount], inserted.[LastInboundAt];");

    public static readonly string PostgreSqlUpsertConversation = Returning(
        ConversationUpsertSql.PostgreSql,
        "RETURNING \"ProfileName\", \"LastMessageId\", \"LastActivityAt\", \"MessageCount\", \"LastInboundAt\";");

    public static string Insert(MessagingDbContext db) => For(db, SqliteInsert, SqlServerInsert, PostgreSqlInsert);

    public static string PendingExists(MessagingDbContext db) => For(db, SqlitePendingExists, SqlServerPendingExists, PostgreSqlPendingExists);

    public static string UpsertConversation(MessagingDbContext db) =>
        For(db, SqliteUpsertConversation, SqlServerUpsertConversation, PostgreSqlUpsertConversation);

    private static string Returning(string upsert, string clause) =>
        upsert.Replace("{0}", "@id", StringComparison.Ordinal).TrimEnd().TrimEnd(';') + "\n" + clause;

    // By the context's type, which names its provider: asking EF Core for the provider's name reads assembly metadata
    // on every call.
    private static string For(MessagingDbContext db, string sqlite, string sqlServer, string postgreSql) => db switch
    {
        SqliteMessagingDbContext => sqlite,
        SqlServerMessagingDbContext => sqlServer,
        PostgreSqlMessagingDbContext => postgreSql,
        _ => throw new NotSupportedException($"No statements for {db?.GetType().Name}."),
    };
}
