using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Messaging.LoadTest.Scenarios;

/// <summary>
/// The database the read scenarios share: messages to and from <see cref="Contacts.Count"/> customers, bulk-loaded
/// straight into the tables, and where the deep page starts.
/// </summary>
internal sealed class ReadDatabase
{
    /// <summary>How many rows deep the deep page starts.</summary>
    public const int Depth = 10_000;

    /// <summary>The customer whose thread is read (+1 415 555 0123).</summary>
    public const int ThreadContact = 123;

    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(2.5);

    private ReadDatabase(string path, int rows)
    {
        Path = path;
        Rows = rows;
    }

    public string Path { get; }

    public int Rows { get; }

    /// <summary>The position (CreatedAt ticks, Id) of the <see cref="Depth"/>th newest message: the floor's deep cursor.</summary>
    public long DeepCreatedAt { get; private set; }

    public Guid DeepId { get; private set; }

    /// <summary>The service's own cursor after <see cref="Depth"/> rows, read from its API on first use.</summary>
    public string? ServiceCursor { get; set; }

    /// <summary>Copies the migrated <paramref name="template"/> to <paramref name="path"/> and loads <paramref name="rows"/> messages into it.</summary>
    public static async Task<ReadDatabase> CreateAsync(string template, string path, int rows)
    {
        File.Copy(template, path, overwrite: true);
        var start = DateTimeOffset.UtcNow - (Spacing * rows);
        await using (var seeder = await MessageSeeder.OpenAsync(path))
        {
            for (var i = 0; i < rows; i++)
            {
                var contact = i % Contacts.Count;
                var inbound = i % 3 == 0;
                var sid = (inbound && i % 20 == 0 ? "MM" : "SM") + i.ToString("x32", CultureInfo.InvariantCulture);
                var media = inbound && i % 20 == 0
                    ? $$"""[{"contentType":"image/jpeg","url":"https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/{{sid}}/Media/ME{{i.ToString("x32", CultureInfo.InvariantCulture)}}"}]"""
                    : null;
                var status = inbound ? "Received" : (i % 10) switch { 1 => "Failed", < 5 => "Delivered", _ => "Read" };
                await seeder.AddAsync(new SeedMessage(
                    sid,
                    inbound,
                    contact,
                    inbound ? $"Question {i.ToString(CultureInfo.InvariantCulture)} about my order" : $"Answer {i.ToString(CultureInfo.InvariantCulture)}: it ships today",
                    inbound ? $"Customer {contact.ToString(CultureInfo.InvariantCulture)}" : null,
                    status,
                    status == "Failed" ? 30008 : null,
                    start + (Spacing * i),
                    media));
            }

            await seeder.CommitAsync();
        }

        var database = new ReadDatabase(path, rows);
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT "CreatedAt", "Id" FROM "Messages" ORDER BY "CreatedAt" DESC, "Id" DESC LIMIT 1 OFFSET {Depth - 1}""";
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException($"{rows} rows are fewer than the deep page's {Depth}.");
        }

        database.DeepCreatedAt = reader.GetInt64(0);
        database.DeepId = Guid.Parse(reader.GetString(1));
        return database;
    }
}
