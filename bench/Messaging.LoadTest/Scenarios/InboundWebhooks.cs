using System.Globalization;

namespace Messaging.LoadTest.Scenarios;

/// <summary>
/// Signed inbound webhooks, each a new message; with <c>repeatShare</c>, that share of them is a delivery repeated a
/// little later, byte for byte, as Twilio repeats a webhook it got no answer to in time.
/// </summary>
internal sealed class InboundWebhooks(double repeatShare) : Scenario
{
    private const int RepeatDistance = 200;

    private readonly Dictionary<long, string> _sidOfRequest = [];

    public override string Name => repeatShare == 0
        ? "inbound webhooks, unique SIDs"
        : $"inbound webhooks, {repeatShare:P0} repeated";

    public override string Floor => "form + signature + 1 durable INSERT";

    public override IReadOnlyList<LoadRequest> Requests(Target target, RunPlan plan, Phase phase)
    {
        var url = target.Url(target.IsFloor ? FloorServer.WebhookPath + "inbound" : "/api/webhooks/twilio/inbound");
        var count = plan.RequestCount(phase, MaxRate);
        var random = new Random(phase == Phase.Measure ? 2 : 1);
        var requests = new List<LoadRequest>(count);
        var idBase = IdBase(phase);
        for (var k = 0; k < count; k++)
        {
            var id = idBase + k;
            if (repeatShare > 0 && k >= RepeatDistance && random.NextDouble() < repeatShare)
            {
                var original = requests[k - random.Next(1, RepeatDistance)];
                requests.Add(new LoadRequest(id, original.Bytes));
                _sidOfRequest[id] = _sidOfRequest[original.Id];
                continue;
            }

            var sid = "SM" + id.ToString("x32", CultureInfo.InvariantCulture);
            var contact = k % Contacts.Count;
            var fields = TwilioForms.Inbound(
                sid,
                Contacts.Address(contact),
                $"Hello, where is my order {k.ToString(CultureInfo.InvariantCulture)}?",
                $"Customer {contact.ToString(CultureInfo.InvariantCulture)}");
            requests.Add(new LoadRequest(id, RawHttp.PostSignedForm(url, fields)));
            _sidOfRequest[id] = sid;
        }

        return requests;
    }

    public override Task<RowCheck?> VerifyAsync(string databasePath, WrkRun run, string? settled)
    {
        var acknowledged = run.Answers
            .Where(a => a.IsSuccess && _sidOfRequest.ContainsKey(a.RequestId))
            .Select(a => _sidOfRequest[a.RequestId])
            .ToHashSet(StringComparer.Ordinal);
        using var rows = StoredRows.Open(databasePath);
        var stored = rows.StatusBySid("Inbound");
        var missing = acknowledged.Count(sid => !stored.ContainsKey(sid));
        var duplicated = rows.DuplicatedSids();
        var counted = rows.ConversationsCountEveryMessage();
        return Task.FromResult<RowCheck?>(new RowCheck(
            missing == 0 && duplicated == 0 && counted,
            $"{acknowledged.Count:N0} SIDs acknowledged: {missing} missing, {duplicated} duplicated; conversations {(counted ? "count every message" : "MISCOUNT")}"));
    }
}
