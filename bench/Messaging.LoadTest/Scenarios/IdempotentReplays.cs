using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Messaging.LoadTest.Scenarios;

/// <summary>
/// Sends retried with the <c>Idempotency-Key</c> of a send that already completed: each is answered with the recorded
/// response and sends nothing.
/// </summary>
internal sealed class IdempotentReplays : Scenario
{
    private const int Keys = 100;

    public override string Name => "idempotent replays";

    public override string Floor => "1 indexed read of the stored response";

    public override bool Cycles => true;

    public override async Task SeedFloorDatabaseAsync(string path, RunPlan plan)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """INSERT INTO "Replays" ("Key", "Body") VALUES ($key, $body)""";
        for (var k = 0; k < Keys; k++)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$key", Key(k));
            insert.Parameters.AddWithValue("$body", JsonSerializer.Serialize(new { id = Guid.NewGuid(), waSid = "SM" + Guid.NewGuid().ToString("N"), status = "queued", to = Contacts.Address(k) }));
            await insert.ExecuteNonQueryAsync();
        }
    }

    public override async Task PrepareAsync(Target target, RunPlan plan)
    {
        if (target.IsFloor)
        {
            return;
        }

        using var client = new HttpClient();
        client.DefaultRequestHeaders.Add(RawHttp.ApiKeyHeader, target.ApiKey);
        for (var k = 0; k < Keys; k++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Url("/api/messages"))
            {
                Content = JsonContent.Create(Body(k)),
            };
            request.Headers.Add("Idempotency-Key", Key(k));
            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode != 201)
            {
                throw new InvalidOperationException($"The first send with key {Key(k)} answered {(int)response.StatusCode}.");
            }
        }
    }

    public override IReadOnlyList<LoadRequest> Requests(Target target, RunPlan plan, Phase phase)
    {
        var url = target.Url(target.IsFloor ? FloorServer.ReplayPath : "/api/messages");
        return [.. Enumerable.Range(0, Math.Max(Keys, plan.Clients)).Select(k => new LoadRequest(
            IdBase(phase) + k,
            RawHttp.PostJson(url, JsonSerializer.Serialize(Body(k % Keys)), [(RawHttp.ApiKeyHeader, target.ApiKey), ("Idempotency-Key", Key(k % Keys))])))];
    }

    public override Task<RowCheck?> VerifyAsync(string databasePath, WrkRun run, string? settled)
    {
        var notReplayed = run.Answers.Count(a => a.Status != 201 || !a.Replayed);
        using var rows = StoredRows.Open(databasePath);
        var messages = rows.Messages();
        return Task.FromResult<RowCheck?>(new RowCheck(
            notReplayed == 0 && messages == Keys,
            $"{run.Answers.Count:N0} answers, {notReplayed} not a replay; {messages} messages stored for {Keys} keys"));
    }

    private static string Key(int k) => "replay-" + k.ToString(CultureInfo.InvariantCulture);

    private static object Body(int k) => new
    {
        to = Contacts.Number(k),
        contentSid = Sends.ContentSid,
        contentVariables = new Dictionary<string, string> { ["1"] = "Ana", ["2"] = "12/1 at 3pm" },
    };
}
