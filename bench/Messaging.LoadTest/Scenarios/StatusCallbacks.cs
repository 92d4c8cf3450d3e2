using System.Globalization;

namespace Messaging.LoadTest.Scenarios;

/// <summary>
/// Status callbacks (sent, delivered, read) for messages already stored, the way Twilio posts them for a busy sender:
/// a tenth of the messages get one callback twice, and a tenth get <c>read</c> before <c>delivered</c>.
/// </summary>
internal sealed class StatusCallbacks : Scenario
{
    // Callbacks are posted in rounds over this many messages at a time, so each message's three are spread out.
    private const int Block = 64;

    private static readonly string[] Steps = ["sent", "delivered", "read"];

    private static readonly int[] InOrder = [0, 1, 2];

    private static readonly int[] ReadBeforeDelivered = [0, 2, 1];

    private readonly Dictionary<long, (string Sid, int Rank)> _callbackOfRequest = [];
    private readonly Dictionary<string, int> _issuedRank = new(StringComparer.Ordinal);
    private int _seeded;

    public override string Name => "status callbacks, 10% repeated, 10% out of order";

    public override string Floor => "form + signature + 1 durable INSERT";

    public override async Task SeedServiceDatabaseAsync(string path, RunPlan plan)
    {
        await using var seeder = await MessageSeeder.OpenAsync(path);
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        foreach (var phase in (Phase[])[Phase.Warmup, Phase.Measure])
        {
            for (var m = 0; m < MessagesFor(plan, phase); m++)
            {
                await seeder.AddAsync(new SeedMessage(Sid(phase, m), false, m, "Your order has shipped", null, "Queued", null, at, null));
                _seeded++;
            }
        }

        await seeder.CommitAsync();
    }

    public override IReadOnlyList<LoadRequest> Requests(Target target, RunPlan plan, Phase phase)
    {
        var url = target.Url(target.IsFloor ? FloorServer.WebhookPath + "status" : "/api/webhooks/twilio/status");
        var random = new Random(phase == Phase.Measure ? 4 : 3);
        var requests = new List<LoadRequest>();
        var idBase = IdBase(phase);
        var messages = MessagesFor(plan, phase);
        for (var first = 0; first < messages; first += Block)
        {
            var block = Enumerable.Range(first, Math.Min(Block, messages - first))
                .Select(m => (Index: m, Order: random.NextDouble() < 0.1 ? ReadBeforeDelivered : InOrder, Repeat: random.NextDouble() < 0.1 ? random.Next(3) : -1))
                .ToList();
            for (var round = 0; round < Steps.Length + 1; round++)
            {
                foreach (var (index, order, repeat) in block)
                {
                    // The repeat of a callback goes out one round after the callback itself.
                    var step = round < Steps.Length ? order[round] : -1;
                    if (round > 0 && order[round - 1] == repeat)
                    {
                        Add(order[round - 1]);
                    }

                    if (step >= 0)
                    {
                        Add(step);
                    }

                    void Add(int s)
                    {
                        var id = idBase + requests.Count;
                        var sid = Sid(phase, index);
                        requests.Add(new LoadRequest(id, RawHttp.PostSignedForm(url, TwilioForms.Status(sid, Contacts.Address(index), Steps[s]))));
                        _callbackOfRequest[id] = (sid, s + 1);
                        _issuedRank[sid] = Math.Max(_issuedRank.GetValueOrDefault(sid), s + 1);
                    }
                }
            }
        }

        return requests;
    }

    public override Task<RowCheck?> VerifyAsync(string databasePath, WrkRun run, string? settled)
    {
        var acknowledgedRank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var answer in run.Answers.Where(a => a.IsSuccess && _callbackOfRequest.ContainsKey(a.RequestId)))
        {
            var (sid, rank) = _callbackOfRequest[answer.RequestId];
            acknowledgedRank[sid] = Math.Max(acknowledgedRank.GetValueOrDefault(sid), rank);
        }

        using var rows = StoredRows.Open(databasePath);
        var stored = rows.StatusBySid("Outbound");
        var behind = acknowledgedRank.Count(pair => Rank(stored.GetValueOrDefault(pair.Key)) < pair.Value);
        var beyond = stored.Count(pair => Rank(pair.Value) > _issuedRank.GetValueOrDefault(pair.Key));
        var pending = rows.PendingStatuses();
        var duplicated = rows.DuplicatedSids();
        var messages = rows.Messages();
        var passed = behind == 0 && beyond == 0 && pending == 0 && duplicated == 0 && messages == _seeded;
        return Task.FromResult<RowCheck?>(new RowCheck(
            passed,
            $"{acknowledgedRank.Count:N0} messages called back: {behind} behind an acknowledged status, {beyond} ahead of any sent; "
            + $"{pending} pending, {duplicated} duplicated, {messages:N0} of {_seeded:N0} rows"));
    }

    private static int MessagesFor(RunPlan plan, Phase phase) => (plan.RequestCount(phase, 16_000) / 3) + Block;

    private static string Sid(Phase phase, int index) =>
        "SM" + (IdBase(phase) + index).ToString("x32", CultureInfo.InvariantCulture);

    private static int Rank(string? status) => status switch
    {
        "Sent" => 1,
        "Delivered" => 2,
        "Read" => 3,
        _ => 0,
    };
}
