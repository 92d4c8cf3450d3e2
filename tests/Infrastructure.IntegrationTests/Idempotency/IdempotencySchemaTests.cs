using Messaging.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Messaging.Infrastructure.IntegrationTests.Idempotency;

public sealed class IdempotencySchemaTests
{
    [Test]
    public void Sql_server_schema_claims_keys_through_a_unique_index_on_owner_and_key()
    {
        using var context = UnopenedContexts.SqlServer();

        var script = context.Database.GenerateCreateScript();

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Contain("CREATE UNIQUE INDEX [IX_IdempotencyKeys_Owner_Key] ON [IdempotencyKeys] ([Owner], [Key])"));
            // A binary collation: SQL Server's usual collations ignore case, and keys that differ only in case would collide.
            Assert.That(script, Does.Contain("[Key] nvarchar(255) COLLATE Latin1_General_100_BIN2 NOT NULL"));
            Assert.That(script, Does.Contain("[ResponseBody] nvarchar(max) NULL"));
        });
    }

    [Test]
    public void Sql_server_migration_makes_existing_keys_case_sensitive_and_rebuilds_their_index()
    {
        using var context = UnopenedContexts.SqlServer();
        var migrator = context.GetService<IMigrator>();

        var script = migrator.GenerateScript(fromMigration: "IdempotencyKeys", toMigration: "CaseSensitiveIdempotencyKeys");

        // SQL Server refuses to change the collation of a column an index depends on: the index goes first and comes back.
        var drop = script.IndexOf("DROP INDEX [IX_IdempotencyKeys_Owner_Key] ON [IdempotencyKeys];", StringComparison.Ordinal);
        var alter = script.IndexOf("ALTER TABLE [IdempotencyKeys] ALTER COLUMN [Key] nvarchar(255) COLLATE Latin1_General_100_BIN2 NOT NULL;", StringComparison.Ordinal);
        var create = script.IndexOf("CREATE UNIQUE INDEX [IX_IdempotencyKeys_Owner_Key] ON [IdempotencyKeys] ([Owner], [Key]);", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(drop, Is.GreaterThanOrEqualTo(0), script);
            Assert.That(alter, Is.GreaterThan(drop), script);
            Assert.That(create, Is.GreaterThan(alter), script);
        });
    }

    [TestCase(23, 60, false)]
    [TestCase(24, 0, false)]
    [TestCase(24, 60, true)]
    [TestCase(168, 5, true)]
    public void Keys_must_be_kept_at_least_a_day(int retentionHours, int purgeIntervalMinutes, bool valid)
    {
        var result = new IdempotencyOptionsValidator().Validate(
            Options.DefaultName,
            new IdempotencyOptions { RetentionHours = retentionHours, PurgeIntervalMinutes = purgeIntervalMinutes });

        Assert.That(result.Succeeded, Is.EqualTo(valid), result.FailureMessage);
    }
}
