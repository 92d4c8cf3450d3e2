using Messaging.Infrastructure.Idempotency;
using Messaging.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Infrastructure.IntegrationTests.Idempotency;

public sealed class IdempotencySchemaTests
{
    [Test]
    public void Sql_server_schema_claims_keys_through_a_unique_index_on_owner_and_key()
    {
        using var context = new SqlServerMessagingDbContext(
            new DbContextOptionsBuilder<SqlServerMessagingDbContext>()
                .UseSqlServer("Server=.;Database=x;Trusted_Connection=True;TrustServerCertificate=True")
                .Options);

        var script = context.Database.GenerateCreateScript();

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Contain("CREATE UNIQUE INDEX [IX_IdempotencyKeys_Owner_Key] ON [IdempotencyKeys] ([Owner], [Key])"));
            Assert.That(script, Does.Contain("[Key] nvarchar(255) NOT NULL"));
            Assert.That(script, Does.Contain("[ResponseBody] nvarchar(max) NULL"));
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
