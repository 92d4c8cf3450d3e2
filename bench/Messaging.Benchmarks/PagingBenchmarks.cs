using BenchmarkDotNet.Attributes;
using Messaging.Application.Common.Models;
using Messaging.Domain.Messages;

namespace Messaging.Benchmarks;

/// <summary>
/// The first page against a page reached through a cursor near the end of <see cref="BenchmarkDatabase.Rows"/>
/// messages, for all messages and for one contact. With keyset paging both cost the same.
/// </summary>
public class PagingBenchmarks
{
    private const int PageSize = 50;

    private static readonly WhatsAppAddress Contact = BenchmarkDatabase.Contact(7);

    private BenchmarkDatabase _database = null!;
    private MessageCursor _deepCursor = null!;
    private MessageCursor _deepContactCursor = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        _database = await BenchmarkDatabase.CreateAsync();
        _deepCursor = await _database.CursorAtDepthAsync(null, BenchmarkDatabase.Rows - PageSize - 10);
        _deepContactCursor = await _database.CursorAtDepthAsync(Contact, (BenchmarkDatabase.Rows / BenchmarkDatabase.Contacts) - PageSize - 10);
    }

    [GlobalCleanup]
    public async Task CleanUp() => await _database.DisposeAsync();

    [Benchmark(Baseline = true, Description = "All, first page")]
    public Task<int> FirstPage() => PageAsync(new MessageFilter(), null);

    [Benchmark(Description = "All, page after 99,940 rows")]
    public Task<int> DeepPage() => PageAsync(new MessageFilter(), _deepCursor);

    [Benchmark(Description = "Contact, first page")]
    public Task<int> ContactFirstPage() => PageAsync(new MessageFilter(Contact: Contact.Value), null);

    [Benchmark(Description = "Contact, page after 940 of its rows")]
    public Task<int> ContactDeepPage() => PageAsync(new MessageFilter(Contact: Contact.Value), _deepContactCursor);

    [Benchmark(Description = "Status Failed (1 row in 10), first page")]
    public Task<int> FailedFirstPage() => PageAsync(new MessageFilter(Status: MessageStatus.Failed), null);

    private async Task<int> PageAsync(MessageFilter filter, MessageCursor? after)
    {
        var (scope, repository) = _database.NewRequest();
        await using (scope)
        {
            var page = await repository.List(filter, after, PageSize, CancellationToken.None);
            if (page.Count != PageSize)
            {
                throw new InvalidOperationException($"Expected a full page of {PageSize}, got {page.Count}.");
            }

            return page.Count;
        }
    }
}
