using Messaging.Application.Common.Models;
using Messaging.Application.Messages.Commands.ReceiveInboundMessage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

public sealed class SchemaTests
{
    [Test]
    public void Sql_server_schema_has_a_filtered_unique_sid_index_and_keyset_indexes()
    {
        using var context = UnopenedContexts.SqlServer();

        var script = context.Database.GenerateCreateScript();

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Contain("CREATE UNIQUE INDEX [IX_Messages_WaSid] ON [Messages] ([WaSid]) WHERE [WaSid] IS NOT NULL"));
            Assert.That(script, Does.Contain("CREATE INDEX [IX_Messages_CreatedAt_Id] ON [Messages] ([CreatedAt] DESC, [Id] DESC)"));
            Assert.That(script, Does.Contain("CREATE INDEX [IX_Messages_Contact_CreatedAt_Id] ON [Messages] ([Contact], [CreatedAt] DESC, [Id] DESC)"));
            Assert.That(script, Does.Contain("CREATE INDEX [IX_Messages_Status_CreatedAt_Id] ON [Messages] ([Status], [CreatedAt] DESC, [Id] DESC)"));
            Assert.That(script, Does.Contain("[Contact] AS CASE WHEN [Direction] = 'Outbound' THEN [To] ELSE [From] END PERSISTED"));
        });
    }

    [Test]
    public void Sql_server_schema_has_a_conversation_per_contact_with_an_activity_index()
    {
        using var context = UnopenedContexts.SqlServer();

        var script = context.Database.GenerateCreateScript();

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Contain("CREATE TABLE [Conversations]"));
            Assert.That(script, Does.Contain("[Contact] nvarchar(32) NOT NULL"));
            Assert.That(script, Does.Contain("[LastMessageId] uniqueidentifier NOT NULL"));
            Assert.That(script, Does.Contain("[LastActivityAt] datetimeoffset NOT NULL"));
            Assert.That(script, Does.Contain("[MessageCount] int NOT NULL"));
            Assert.That(script, Does.Contain("[LastInboundAt] datetimeoffset NULL"));
            Assert.That(script, Does.Contain("CONSTRAINT [PK_Conversations] PRIMARY KEY ([Contact])"));
            Assert.That(script, Does.Contain("CREATE INDEX [IX_Conversations_LastActivityAt_Contact] ON [Conversations] ([LastActivityAt] DESC, [Contact] DESC)"));
        });
    }

    [Test]
    public void Sql_server_migration_script_creates_and_backfills_conversations()
    {
        using var context = UnopenedContexts.SqlServer();

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var create = script.IndexOf("CREATE TABLE [Conversations]", StringComparison.Ordinal);
        var backfill = script.IndexOf("INSERT INTO [Conversations]", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(create, Is.GreaterThan(0));
            Assert.That(backfill, Is.GreaterThan(create));
            Assert.That(script, Does.Contain("GROUP BY [Contact]"));
        });
    }

    [Test]
    public void Sql_server_migrations_match_the_model() => AssertMigrationsMatchTheModel(UnopenedContexts.SqlServer);

    [Test]
    public void Sqlite_migrations_match_the_model() => AssertMigrationsMatchTheModel(UnopenedContexts.Sqlite);

    [Test]
    public async Task Initialising_a_new_sqlite_file_applies_every_migration_in_wal_mode()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var scope = database.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();

        var applied = await context.Database.GetAppliedMigrationsAsync();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        var journalMode = (string?)await command.ExecuteScalarAsync();

        Assert.Multiple(() =>
        {
            Assert.That(context, Is.InstanceOf<SqliteMessagingDbContext>());
            Assert.That(applied, Is.EqualTo(context.Database.GetMigrations()));
            Assert.That(journalMode, Is.EqualTo("wal"));
        });
    }

    [Test]
    public void Text_columns_hold_exactly_what_the_validators_let_through()
    {
        using var context = UnopenedContexts.SqlServer();
        var model = context.Model;

        int? Length<T>(string property) => model.FindEntityType(typeof(T))!.FindProperty(property)!.GetMaxLength();

        Assert.Multiple(() =>
        {
            Assert.That(Length<Message>(nameof(Message.WaSid)), Is.EqualTo(StoredLengths.Sid));
            Assert.That(Length<Message>(nameof(Message.ContentSid)), Is.EqualTo(StoredLengths.Sid));
            Assert.That(Length<Message>(nameof(Message.From)), Is.EqualTo(StoredLengths.Address));
            Assert.That(Length<Message>(nameof(Message.To)), Is.EqualTo(StoredLengths.Address));
            Assert.That(Length<Message>(MessageConfiguration.ContactProperty), Is.EqualTo(StoredLengths.Address));
            Assert.That(Length<Message>(nameof(Message.ProfileName)), Is.EqualTo(StoredLengths.ProfileName));
            Assert.That(Length<Message>(nameof(Message.Status)), Is.EqualTo(StoredLengths.EnumName));
            Assert.That(Length<Conversation>(nameof(Conversation.Contact)), Is.EqualTo(StoredLengths.Address));
            Assert.That(Length<Conversation>(nameof(Conversation.ProfileName)), Is.EqualTo(StoredLengths.ProfileName));
            Assert.That(Length<PendingStatusUpdate>(nameof(PendingStatusUpdate.WaSid)), Is.EqualTo(StoredLengths.Sid));
            Assert.That(Length<PendingStatusUpdate>(nameof(PendingStatusUpdate.Status)), Is.EqualTo(StoredLengths.EnumName));
            Assert.That(ReceiveInboundMessageCommandValidator.MaxProfileNameLength, Is.EqualTo(StoredLengths.ProfileName));
            Assert.That("whatsapp:+".Length + 15, Is.LessThanOrEqualTo(StoredLengths.Address), "the longest E.164 address fits");
        });
    }

    [Test]
    public async Task The_writer_syncs_every_sqlite_commit_to_disk_in_wal_mode()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var scope = database.CreateScope();
        var writer = scope.ServiceProvider.GetRequiredService<DatabaseWriter>();

        var (synchronous, journal) = await writer.Execute(
            async token =>
            {
                var connection = WriteSession.Current!.Context.Database.GetDbConnection();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA synchronous";
                var sync = Convert.ToInt32(await command.ExecuteScalarAsync(token), System.Globalization.CultureInfo.InvariantCulture);
                command.CommandText = "PRAGMA journal_mode";
                return (sync, (string)(await command.ExecuteScalarAsync(token))!);
            },
            CancellationToken.None);

        Assert.That(synchronous, Is.EqualTo(2), "2 is FULL");
        Assert.That(journal, Is.EqualTo("wal"));
    }

    [Test]
    public void PostgreSql_migrations_match_the_model() => AssertMigrationsMatchTheModel(UnopenedContexts.PostgreSql);

    [Test]
    public async Task Migrating_a_new_postgresql_database_applies_every_migration_and_the_model_reads_and_writes_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.PostgreSql);
        await using var scope = database.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();

        var applied = await context.Database.GetAppliedMigrationsAsync();
        var pending = await context.Database.GetPendingMigrationsAsync();
        // The stored contact column is computed by PostgreSQL itself, from the direction.
        var message = TestMessages.Outbound(TestMessages.NewSid(), DateTimeOffset.UnixEpoch.AddYears(55));
        await scope.ServiceProvider.GetRequiredService<IMessageRepository>().AddIfAbsent(message, CancellationToken.None);
        var contact = await context.Messages
            .Where(m => m.Id == message.Id)
            .Select(m => EF.Property<string>(m, MessageConfiguration.ContactProperty))
            .SingleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(context, Is.InstanceOf<PostgreSqlMessagingDbContext>());
            Assert.That(applied, Is.EqualTo(context.Database.GetMigrations()));
            Assert.That(pending, Is.Empty);
            Assert.That(contact, Is.EqualTo(message.To));
        });
    }

    private static void AssertMigrationsMatchTheModel(Func<MessagingDbContext> open)
    {
        using var context = open();

        Assert.Multiple(() =>
        {
            Assert.That(context.Database.GetMigrations(), Is.Not.Empty);
            Assert.That(context.Database.HasPendingModelChanges(), Is.False);
        });
    }
}
