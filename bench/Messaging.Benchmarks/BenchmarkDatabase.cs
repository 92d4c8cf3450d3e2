using Messaging.Application.Common.Interfaces;
using Messaging.Application.Common.Models;
using Messaging.Domain.Messages;
using Messaging.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Benchmarks;

/// <summary>
/// A migrated SQLite file holding <see cref="Rows"/> messages, built through the application's own registration
/// and repository, in a temporary directory removed on dispose.
/// </summary>
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    public const int Rows = 100_000;

    public const int Contacts = 100;

    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _directory;

    private BenchmarkDatabase(string directory, ServiceProvider services)
    {
        _directory = directory;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public static WhatsAppAddress Sender { get; } = WhatsAppAddress.FromE164("+14155550100");

    public static WhatsAppAddress Contact(int index) => WhatsAppAddress.FromE164($"+4477009{index:D5}");

    public static async Task<BenchmarkDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "messaging-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = DatabaseOptions.Sqlite,
                ["Database:ConnectionString"] = $"Data Source={Path.Combine(directory, "messaging.db")}",
            })
            .Build();
        var services = new ServiceCollection().AddPersistence(configuration).BuildServiceProvider();
        await services.InitialiseDatabaseAsync();
        var database = new BenchmarkDatabase(directory, services);
        await database.SeedAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A page's cursor as a client would hold it after reading <paramref name="depth"/> rows.</summary>
    public async Task<MessageCursor> CursorAtDepthAsync(WhatsAppAddress? contact, int depth)
    {
        await using var scope = Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var query = context.Messages.AsNoTracking();
        if (contact is not null)
        {
            // Every seeded message is outbound, so its contact is its recipient.
            query = query.Where(m => m.To == contact.Value);
        }

        var row = await query
            .OrderByDescending(m => m.CreatedAt)
            .ThenByDescending(m => m.Id)
            .Skip(depth - 1)
            .FirstAsync();
        return MessageCursor.After(row);
    }

    // Pairs of messages share an instant so that ties are present, as they are when traffic is bursty.
    private async Task SeedAsync()
    {
        const int batch = 5_000;
        for (var offset = 0; offset < Rows; offset += batch)
        {
            await using var scope = Services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
            for (var i = offset; i < offset + batch; i++)
            {
                var at = Start.AddSeconds(i / 2);
                var status = (i % 10) switch
                {
                    0 => MessageStatus.Failed,
                    < 5 => MessageStatus.Delivered,
                    _ => MessageStatus.Read,
                };
                context.Messages.Add(Message.Outbound($"SMseed{i:D28}", Sender, Contact(i % Contacts), $"message {i}", null, null, status, at));
            }

            await context.SaveChangesAsync();
        }
    }

    /// <summary>A repository on its own scope, as one request would have it.</summary>
    public (AsyncServiceScope Scope, IMessageRepository Repository) NewRequest()
    {
        var scope = Services.CreateAsyncScope();
        return (scope, scope.ServiceProvider.GetRequiredService<IMessageRepository>());
    }
}
