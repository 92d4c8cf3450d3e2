using BenchmarkDotNet.Attributes;
using Messaging.Domain.Messages;

namespace Messaging.Benchmarks;

/// <summary>
/// One request's AddIfAbsent against a table of <see cref="BenchmarkDatabase.Rows"/> messages: a new SID is a
/// single INSERT; a SID already stored pays for the rejected INSERT and the look-up of the stored row.
/// </summary>
public class AddIfAbsentBenchmarks
{
    private BenchmarkDatabase _database = null!;
    private int _next;

    [GlobalSetup]
    public async Task SetUp() => _database = await BenchmarkDatabase.CreateAsync();

    [GlobalCleanup]
    public async Task CleanUp() => await _database.DisposeAsync();

    [Benchmark(Description = "AddIfAbsent, new SID")]
    public Task<bool> NewSid() => AddAsync($"SMnew{Interlocked.Increment(ref _next):D29}");

    [Benchmark(Description = "AddIfAbsent, SID already stored")]
    public Task<bool> ExistingSid() => AddAsync($"SMseed{BenchmarkDatabase.Rows / 2:D28}");

    private async Task<bool> AddAsync(string sid)
    {
        var (scope, repository) = _database.NewRequest();
        await using (scope)
        {
            var message = Message.Outbound(
                sid, BenchmarkDatabase.Sender, BenchmarkDatabase.Contact(1), "hello", null, null, MessageStatus.Queued, TimeProvider.System.GetUtcNow());
            var result = await repository.AddIfAbsent(message, CancellationToken.None);
            return result.Inserted;
        }
    }
}
