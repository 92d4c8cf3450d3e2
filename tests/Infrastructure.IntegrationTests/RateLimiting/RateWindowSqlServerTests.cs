using System.Text.RegularExpressions;
using Messaging.Infrastructure.RateLimiting;

namespace Messaging.Infrastructure.IntegrationTests.RateLimiting;

/// <summary>The statement that takes a send permit on SQL Server, where no server runs: recorded instead of sent.</summary>
public sealed partial class RateWindowSqlServerTests
{
    [Test]
    public async Task Sql_server_takes_a_permit_with_one_conditional_update_of_the_keys_row()
    {
        var recorder = new StatementRecorder();
        await using var db = UnopenedContexts.SqlServer(recorder);

        var taken = await RateWindowCounter.Take(db, "billing", new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), 5, CancellationToken.None);

        // One statement decides: SQL Server reads every right-hand side of a SET before it assigns any, so the window's
        // start is compared as it was, and the row lock it takes keeps a second instance's update waiting.
        var statement = Whitespace().Replace(recorder.Statements.Single(), " ").Trim();
        Assert.That(taken, Is.True);
        Assert.That(statement, Does.StartWith("UPDATE [r] SET [r].[Count] = CASE WHEN [r].[WindowStart] < @start THEN 1 ELSE [r].[Count] + 1 END"));
        Assert.That(statement, Does.Contain("[r].[WindowStart] = CASE WHEN [r].[WindowStart] < @start THEN @start ELSE [r].[WindowStart] END"));
        Assert.That(statement, Does.EndWith("FROM [RateWindows] AS [r] WHERE [r].[Partition] = @partition AND ([r].[WindowStart] < @start OR [r].[Count] < @permitLimit)"));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
