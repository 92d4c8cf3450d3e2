using Microsoft.Extensions.Logging.Testing;

namespace Messaging.Api.FunctionalTests;

public static class LogWaiting
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The first log record, already written or still to come, that matches <paramref name="match"/>. Some lines are
    /// written only once a response has completed, which can be just after the client has it.
    /// </summary>
    public static async Task<FakeLogRecord> WaitForAsync(this FakeLogCollector collector, Func<FakeLogRecord, bool> match)
    {
        ArgumentNullException.ThrowIfNull(collector);
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await foreach (var record in collector.GetLogsAsync(timeout.Token))
            {
                if (match(record))
                {
                    return record;
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }

        throw new AssertionException("No matching line was logged.");
    }
}
