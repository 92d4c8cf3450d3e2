namespace Messaging.Api.FunctionalTests;

public static class LogWaiting
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The first log record collected since the last clear, already written or still to come, that matches
    /// <paramref name="match"/>. Some lines are written only once a response has completed, which can be just after
    /// the client has it.
    /// </summary>
    public static async Task<FakeLogRecord> WaitForAsync(this FakeLogCollector collector, Func<FakeLogRecord, bool> match)
    {
        ArgumentNullException.ThrowIfNull(collector);
        var deadline = DateTime.UtcNow + Patience;
        do
        {
            if (collector.GetSnapshot().FirstOrDefault(match) is { } record)
            {
                return record;
            }

            await Task.Delay(10);
        }
        while (DateTime.UtcNow < deadline);

        throw new AssertionException("No matching line was logged.");
    }
}
