using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Messaging.LoadTest.Scenarios;

/// <summary>
/// <c>POST /api/messages</c> to many contacts: approved templates, or free-form messages to contacts who wrote in first
/// (their 24-hour window is open). Each send reaches the emulator through the Twilio SDK, and the emulator then posts
/// its three status callbacks back to the service (or, for the floor, to the floor's webhook).
/// </summary>
internal sealed class Sends(bool template) : Scenario
{
    public const string ContentSid = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

    private const int Recipients = 200;

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    public override string Name => template ? "template sends (+3 callbacks each)" : "free-form sends to open windows (+3 callbacks each)";

    public override string Floor => "JSON + Twilio SDK call to the emulator + 1 durable INSERT; callbacks: 1 INSERT each";

    public override bool Cycles => true;

    public override async Task PrepareAsync(Target target, RunPlan plan)
    {
        if (template)
        {
            return;
        }

        // The customers write in first, through the emulator, which posts their signed webhooks to the server.
        using var client = new HttpClient();
        for (var contact = 0; contact < Recipients; contact++)
        {
            using var response = await client.PostAsJsonAsync(
                new Uri(target.EmulatorUrl, "/emulator/inbound"),
                new { from = Contacts.Number(contact), body = "Hi, is my order on its way?", profileName = "Customer" });
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (!response.IsSuccessStatusCode || answer.GetProperty("webhookStatus").GetInt32() != 200)
            {
                throw new InvalidOperationException($"Seeding the window of {Contacts.Number(contact)} failed: {answer}");
            }
        }
    }

    public override IReadOnlyList<LoadRequest> Requests(Target target, RunPlan plan, Phase phase)
    {
        var url = target.Url(target.IsFloor ? FloorServer.SendPath : "/api/messages");
        var count = Math.Max(Recipients, plan.Clients);
        return [.. Enumerable.Range(0, count).Select(k =>
        {
            var to = Contacts.Number(k % Recipients);
            object body = template
                ? new { to, contentSid = ContentSid, contentVariables = new Dictionary<string, string> { ["1"] = "Ana", ["2"] = k.ToString(CultureInfo.InvariantCulture) } }
                : new { to, body = $"Your order {k.ToString(CultureInfo.InvariantCulture)} has shipped" };
            return new LoadRequest(IdBase(phase) + k, RawHttp.PostJson(url, JsonSerializer.Serialize(body), [(RawHttp.ApiKeyHeader, target.ApiKey)]));
        })];
    }

    /// <summary>Waits until every acknowledged send has been moved to <c>read</c> by the emulator's callbacks.</summary>
    public override async Task<string?> SettleAsync(Target target, WrkRun run)
    {
        var acknowledged = Acknowledged(run);
        var started = Stopwatch.GetTimestamp();
        int notRead;
        do
        {
            using (var rows = StoredRows.Open(target.DatabasePath))
            {
                var stored = rows.StatusBySid("Outbound");
                notRead = acknowledged.Count(sid => stored.GetValueOrDefault(sid) != "Read");
            }

            if (notRead == 0)
            {
                return $"all read {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s after the run";
            }

            await Task.Delay(250);
        }
        while (Stopwatch.GetElapsedTime(started) < SettleTimeout);

        return $"{notRead:N0} NOT read {SettleTimeout.TotalSeconds:F0} s after the run";
    }

    public override Task<RowCheck?> VerifyAsync(string databasePath, WrkRun run, string? settled)
    {
        var acknowledged = Acknowledged(run);
        using var rows = StoredRows.Open(databasePath);
        var stored = rows.StatusBySid("Outbound");
        var missing = acknowledged.Count(sid => !stored.ContainsKey(sid));
        var notRead = acknowledged.Count(sid => stored.GetValueOrDefault(sid) != "Read");
        var duplicated = rows.DuplicatedSids();
        var pending = rows.PendingSids();

        // A send whose caller hung up when the run ended may be created at Twilio and never stored (the service cannot
        // tell): its callbacks stay pending. Only a pending status of a stored message would be a fault.
        var pendingStored = pending.Count(stored.ContainsKey);
        var counted = rows.ConversationsCountEveryMessage();
        return Task.FromResult<RowCheck?>(new RowCheck(
            missing == 0 && notRead == 0 && duplicated == 0 && pendingStored == 0 && counted,
            $"{acknowledged.Count:N0} sends acknowledged: {missing} missing, {duplicated} duplicated, {pendingStored} pending statuses of stored messages"
            + (pending.Count > pendingStored ? $" ({pending.Count - pendingStored} of sends cut off at the end of the run)" : string.Empty)
            + $"; callbacks: {settled}; conversations {(counted ? "count every message" : "MISCOUNT")}"));
    }

    private static HashSet<string> Acknowledged(WrkRun run) =>
        run.Answers.Where(a => a.Status == 201 && a.Sid is not null).Select(a => a.Sid!).ToHashSet(StringComparer.Ordinal);
}
