using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// The statement that folds one just-inserted message into its contact's conversation row, one per provider.
/// Its only parameter, <c>{0}</c>, is the message's id: the values are read back from the stored row, so they go
/// through the same column conversions the message did. The statement is atomic under concurrent inserts for one
/// contact: SQLite serialises writers, SQL Server's MERGE holds a key-range lock until the transaction ends, and
/// PostgreSQL's ON CONFLICT waits for a concurrent insert of the same contact and then updates its row (or, in a
/// serializable transaction that cannot see that row, fails with a serialization error and is run again), so two first
/// messages cannot both insert the row. Messages may arrive out of order, so the newest message wins by
/// (CreatedAt, Id) rather than by arrival.
/// </summary>
internal static class ConversationUpsertSql
{
    public const string Sqlite = """
        INSERT INTO "Conversations" ("Contact", "ProfileName", "LastMessageId", "LastActivityAt", "MessageCount", "LastInboundAt")
        SELECT "Contact",
               CASE WHEN "Direction" = 'Inbound' THEN "ProfileName" END,
               "Id",
               "CreatedAt",
               1,
               CASE WHEN "Direction" = 'Inbound' THEN "CreatedAt" END
        FROM "Messages"
        WHERE "Id" = {0}
        ON CONFLICT ("Contact") DO UPDATE SET
            "MessageCount" = "Conversations"."MessageCount" + 1,
            "LastMessageId" = CASE
                WHEN excluded."LastActivityAt" > "Conversations"."LastActivityAt"
                  OR (excluded."LastActivityAt" = "Conversations"."LastActivityAt" AND excluded."LastMessageId" > "Conversations"."LastMessageId")
                THEN excluded."LastMessageId" ELSE "Conversations"."LastMessageId" END,
            "LastActivityAt" = MAX(excluded."LastActivityAt", "Conversations"."LastActivityAt"),
            "LastInboundAt" = CASE
                WHEN "Conversations"."LastInboundAt" IS NULL OR excluded."LastInboundAt" > "Conversations"."LastInboundAt"
                THEN COALESCE(excluded."LastInboundAt", "Conversations"."LastInboundAt") ELSE "Conversations"."LastInboundAt" END,
            "ProfileName" = CASE
                WHEN excluded."ProfileName" IS NOT NULL
                 AND ("Conversations"."ProfileName" IS NULL OR "Conversations"."LastInboundAt" IS NULL
                      OR excluded."LastInboundAt" >= "Conversations"."LastInboundAt")
                THEN excluded."ProfileName" ELSE "Conversations"."ProfileName" END;
        """;

    public const string SqlServer = """
        MERGE [Conversations] WITH (HOLDLOCK) AS [c]
        USING (
            SELECT [Contact],
                   CASE WHEN [Direction] = N'Inbound' THEN [ProfileName] END AS [ProfileName],
                   [Id],
                   [CreatedAt],
                   CASE WHEN [Direction] = N'Inbound' THEN [CreatedAt] END AS [InboundAt]
            FROM [Messages]
            WHERE [Id] = {0}
        ) AS [m]
        ON [c].[Contact] = [m].[Contact]
        WHEN MATCHED THEN UPDATE SET
            [MessageCount] = [c].[MessageCount] + 1,
            [LastMessageId] = CASE
                WHEN [m].[CreatedAt] > [c].[LastActivityAt]
                  OR ([m].[CreatedAt] = [c].[LastActivityAt] AND [m].[Id] > [c].[LastMessageId])
                THEN [m].[Id] ELSE [c].[LastMessageId] END,
            [LastActivityAt] = CASE
                WHEN [m].[CreatedAt] > [c].[LastActivityAt] THEN [m].[CreatedAt] ELSE [c].[LastActivityAt] END,
            [LastInboundAt] = CASE
                WHEN [c].[LastInboundAt] IS NULL OR [m].[InboundAt] > [c].[LastInboundAt]
                THEN COALESCE([m].[InboundAt], [c].[LastInboundAt]) ELSE [c].[LastInboundAt] END,
            [ProfileName] = CASE
                WHEN [m].[ProfileName] IS NOT NULL
                 AND ([c].[ProfileName] IS NULL OR [c].[LastInboundAt] IS NULL OR [m].[InboundAt] >= [c].[LastInboundAt])
                THEN [m].[ProfileName] ELSE [c].[ProfileName] END
        WHEN NOT MATCHED THEN
            INSERT ([Contact], [ProfileName], [LastMessageId], [LastActivityAt], [MessageCount], [LastInboundAt])
            VALUES ([m].[Contact], [m].[ProfileName], [m].[Id], [m].[CreatedAt], 1, [m].[InboundAt]);
        """;

    // SQLite's statement is PostgreSQL's too (the same ON CONFLICT and "excluded"), but for the two-argument maximum,
    // which PostgreSQL spells GREATEST.
    public static readonly string PostgreSql = Sqlite.Replace("MAX(", "GREATEST(", StringComparison.Ordinal);

    /// <summary>The statement for the provider <paramref name="database"/> runs on.</summary>
    public static string For(DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return For(database.ProviderName);
    }

    public static string For(string? providerName) => providerName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => Sqlite,
        "Microsoft.EntityFrameworkCore.SqlServer" => SqlServer,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => PostgreSql,
        _ => throw new NotSupportedException($"No conversation upsert for the database provider '{providerName}'."),
    };
}
