using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>A database that held messages before conversations existed gets them when it is migrated.</summary>
public sealed class ConversationBackfillTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private EmptyDatabase _database = null!;

    [SetUp]
    public void SetUp() => _database = EmptyDatabase.CreateSqlite();

    [TearDown]
    public async Task TearDown() => await _database.DisposeAsync();

    [Test]
    public async Task Migrating_a_database_with_messages_computes_each_contacts_conversation()
    {
        await using var context = new SqliteMessagingDbContext(
            new DbContextOptionsBuilder<SqliteMessagingDbContext>().UseSqlite(_database.ConnectionString).Options);
        var migrator = context.GetService<IMigrator>();
        var migrations = context.Database.GetMigrations().ToList();
        var addConversations = migrations.Single(m => m.EndsWith("_AddConversations", StringComparison.Ordinal));
        await migrator.MigrateAsync(migrations[migrations.IndexOf(addConversations) - 1]);

        var now = _clock.GetUtcNow();
        var aliceFirst = TestMessages.Inbound(TestMessages.NewSid(), now.AddHours(-3), profileName: "Ali");
        var aliceNamed = TestMessages.Inbound(TestMessages.NewSid(), now.AddHours(-2), profileName: "Alice");
        var aliceUnnamed = TestMessages.Inbound(TestMessages.NewSid(), now.AddHours(-1));
        var aliceLast = TestMessages.Outbound(TestMessages.NewSid(), now, to: TestMessages.Alice);
        var bobOnly = TestMessages.Outbound(TestMessages.NewSid(), now.AddMinutes(-5), to: TestMessages.Bob);

        // Written as the schema before conversations held them: straight into Messages, in its columns of that time.
        foreach (var message in new[] { aliceLast, aliceFirst, bobOnly, aliceUnnamed, aliceNamed })
        {
            await InsertAsOfInitialSchema(context, message);
        }

        await migrator.MigrateAsync();

        var conversations = await context.Conversations.AsNoTracking().OrderBy(c => c.Contact).ToListAsync();
        Assert.That(conversations.Select(c => c.Contact), Is.EqualTo(new[] { TestMessages.Alice.Value, TestMessages.Bob.Value }));
        var (alice, bob) = (conversations[0], conversations[1]);
        Assert.Multiple(() =>
        {
            Assert.That(alice.MessageCount, Is.EqualTo(4));
            Assert.That(alice.LastMessageId, Is.EqualTo(aliceLast.Id));
            Assert.That(alice.LastActivityAt, Is.EqualTo(now));
            Assert.That(alice.LastInboundAt, Is.EqualTo(aliceUnnamed.CreatedAt));
            Assert.That(alice.ProfileName, Is.EqualTo("Alice"));
            Assert.That(bob.MessageCount, Is.EqualTo(1));
            Assert.That(bob.LastMessageId, Is.EqualTo(bobOnly.Id));
            Assert.That(bob.LastInboundAt, Is.Null);
            Assert.That(bob.ProfileName, Is.Null);
        });
    }

    private static Task<int> InsertAsOfInitialSchema(MessagingDbContext context, Message message) =>
        context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "Messages" ("Id", "WaSid", "Direction", "From", "To", "Body", "ProfileName", "ContentSid", "Status",
                                    "ErrorCode", "ErrorMessage", "CreatedAt", "UpdatedAt", "Media")
            VALUES ({message.Id.ToString().ToUpperInvariant()}, {message.WaSid}, {message.Direction.ToString()}, {message.From},
                    {message.To}, {message.Body}, {message.ProfileName}, {message.ContentSid}, {message.Status.ToString()},
                    {message.ErrorCode}, {message.ErrorMessage}, {message.CreatedAt.UtcTicks}, {message.UpdatedAt.UtcTicks}, '[]')
            """);
}
