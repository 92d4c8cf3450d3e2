using Microsoft.Data.Sqlite;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// The service as a process, stopped with SIGTERM in the middle of a stream of sends, as an orchestrator stops it: what
/// it answered 2xx must be stored, and neither the requests still running nor the embedded emulator's status callbacks
/// still waiting may end it with an error.
/// </summary>
[NonParallelizable]
public sealed class ShutdownTests
{
    private const int Workers = 4;
    private const int AcknowledgedBeforeStop = 20;

    [Test]
    [CancelAfter(180_000)]
    public async Task Stopping_finishes_the_sends_in_flight_stores_every_acknowledged_one_and_ends_cleanly(CancellationToken cancellationToken)
    {
        await using var database = await EmptyDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var service = await ServiceProcess.StartAsync(database, ["--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information"]);
        var acknowledged = new ConcurrentBag<(Guid Id, string Sid)>();
        var unexpected = new ConcurrentBag<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            using var client = service.CreateClient();
            for (var n = 0; !stopSending.IsCancellationRequested; n++)
            {
                HttpResponseMessage response;
                try
                {
                    // A template, because outside Development free-form text needs the customer to have written first.
                    response = await client.PostMessage(new
                    {
                        to = Customer(worker, n),
                        contentSid = SampleContentTemplates.AppointmentReminder,
                        contentVariables = new Dictionary<string, string> { ["1"] = $"Customer {n}", ["2"] = "12/1 at 3pm" },
                    });
                }
                catch (HttpRequestException)
                {
                    // The service has stopped listening: nothing more is sent.
                    break;
                }

                using (response)
                {
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var sent = (await response.Content.ReadFromJsonAsync<JsonObject>(CancellationToken.None))!;
                        acknowledged.Add((sent["id"]!.GetValue<Guid>(), sent["waSid"]!.GetValue<string>()));
                        if (acknowledged.Count >= AcknowledgedBeforeStop)
                        {
                            enough.TrySetResult();
                        }
                    }
                    else if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                    {
                        unexpected.Add($"a send answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                        enough.TrySetException(new AssertionException(unexpected.First()));
                        break;
                    }
                }
            }
        }, CancellationToken.None)).ToList();

        await enough.Task.WaitAsync(cancellationToken);
        // Sends acknowledged a moment ago have status callbacks still waiting in the emulator (it waits 400 ms between
        // steps), and more sends are on their way in.
        var exitCode = await service.TerminateAsync(cancellationToken);
        await stopSending.CancelAsync();
        await Task.WhenAll(workers);

        var stored = await StoredAsync(database);
        var output = service.Output;
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain("Application is shutting down"), output);
            Assert.That(output, Does.Not.Contain("Unhandled exception").And.Not.Contain("fail:"), output);
            Assert.That(unexpected, Is.Empty);
            Assert.That(
                acknowledged.Where(a => !stored.TryGetValue(a.Id, out var sid) || sid != a.Sid).Select(a => a.Id),
                Is.Empty,
                "sends answered 201 but not stored with their SID");
        });
    }

    private static async Task<Dictionary<Guid, string?>> StoredAsync(EmptyDatabase database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString + ";Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "WaSid" FROM "Messages" """;
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new Dictionary<Guid, string?>();
        while (await reader.ReadAsync())
        {
            stored.Add(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }

        return stored;
    }

    private static string Customer(int worker, int n) =>
        "+1415557" + (worker * 100 + n % 100).ToString("D4", CultureInfo.InvariantCulture);
}
