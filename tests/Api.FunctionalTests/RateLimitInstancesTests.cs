namespace Messaging.Api.FunctionalTests;

/// <summary>
/// Two processes of the service on one database server: an API key's send limit is one limit between them. (SQLite
/// serves one instance and keeps its windows in the process.)
/// </summary>
[NonParallelizable]
public sealed class RateLimitInstancesTests
{
    private const int PermitLimit = 5;
    private const int Sends = 12;

    [Test]
    public async Task Two_instances_let_one_limit_of_sends_through_between_them()
    {
        await using var database = await EmptyDatabase.CreateAsync(DatabaseOptions.PostgreSql);
        string[] settings = [$"--RateLimiting:Send:PermitLimit={PermitLimit}", "--RateLimiting:Send:WindowSeconds=86400"];
        await using var first = await ServiceProcess.StartAsync(database, settings);
        await using var second = await ServiceProcess.StartAsync(database, settings);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        // The customer writes first, so that every send the limit lets through is one the service may make.
        await WebhookApi.ReceiveAsync(firstClient, 1, "Hello");

        var responses = await Task.WhenAll(Enumerable.Range(0, Sends).Select(i =>
            (i % 2 == 0 ? firstClient : secondClient).PostMessage(new { to = "+14155550101", body = $"Reply {i}" })));
        try
        {
            var statuses = responses.Select(r => r.StatusCode).ToArray();
            var diagnostics = $"{string.Join(", ", statuses)}\nfirst:\n{first.Output}\nsecond:\n{second.Output}";
            Assert.Multiple(() =>
            {
                Assert.That(statuses.Count(s => s == HttpStatusCode.Created), Is.EqualTo(PermitLimit), diagnostics);
                Assert.That(statuses.Count(s => s == HttpStatusCode.TooManyRequests), Is.EqualTo(Sends - PermitLimit), diagnostics);
                Assert.That(
                    responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).Select(r => r.Headers.RetryAfter?.Delta),
                    Has.All.GreaterThan(TimeSpan.Zero));
            });
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }
}
