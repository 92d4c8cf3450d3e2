using System.Data.Common;
using System.Net.Sockets;
using Messaging.Domain.Messages;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// The service as a process under a mixed load of sends, inbound webhooks and status callbacks, killed with SIGKILL in
/// the middle of it and started again on the same database, while the load's webhooks that were not acknowledged are
/// delivered again as Twilio would. Whatever was acknowledged must be stored once, and nothing may be broken.
/// </summary>
[NonParallelizable]
public sealed class CrashRecoveryTests
{
    private const int InboundWorkers = 4;
    private const int SendWorkers = 3;
    private const int StatusWorkers = 2;

    // Enough acknowledged of each kind that the kill lands among commits of every kind, not before them.
    private const int InboundBeforeKill = 150;
    private const int SendsBeforeKill = 20;
    private const int StatusesBeforeKill = 40;

    private static readonly TimeSpan LoadPatience = TimeSpan.FromSeconds(120);
    private static readonly string[] OutboundStatuses = ["sent", "delivered", "read"];

    // One fixture instance runs every case: the load's records start empty in each.
    private ConcurrentBag<string> _acknowledgedInbound = null!;
    private ConcurrentBag<(Guid Id, string Sid)> _acknowledgedSends = null!;
    private ConcurrentBag<(string Sid, string Status)> _acknowledgedStatuses = null!;
    private ConcurrentBag<(string Path, Dictionary<string, string> Fields)> _unacknowledged = null!;
    private ConcurrentBag<string> _failuresBeforeKill = null!;
    private ConcurrentQueue<(string Sid, string Status)> _statusesToPost = null!;
    private TaskCompletionSource _enoughAcknowledged = null!;

    private volatile bool _killed;

    [SetUp]
    public void StartRecordsAfresh()
    {
        _acknowledgedInbound = [];
        _acknowledgedSends = [];
        _acknowledgedStatuses = [];
        _unacknowledged = [];
        _failuresBeforeKill = [];
        _statusesToPost = new ConcurrentQueue<(string Sid, string Status)>();
        _enoughAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _killed = false;
    }

    [TestCase(DatabaseOptions.Sqlite)]
    [TestCase(DatabaseOptions.PostgreSql)]
    public async Task Everything_acknowledged_before_a_sigkill_is_stored_once_after_the_restart(string provider)
    {
        await using var database = await EmptyDatabase.CreateAsync(provider);
        string[] settings = ["--RateLimiting:Send:PermitLimit=1000000"];

        await using (var service = await ServiceProcess.StartAsync(database, settings))
        {
            using var stop = new CancellationTokenSource();
            var workers = StartLoad(service, stop.Token);

            var enough = await Task.WhenAny(_enoughAcknowledged.Task, Task.Delay(LoadPatience));
            Assert.That(enough, Is.SameAs(_enoughAcknowledged.Task), $"the load did not reach the kill point: {Counts()}\n{service.Output}");
            Assert.That(_failuresBeforeKill, Is.Empty, service.Output);

            _killed = true;
            await service.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        Assert.That(_failuresBeforeKill, Is.Empty);
        TestContext.Out.WriteLine($"Killed after {Counts()}; {_unacknowledged.Count} webhooks to deliver again.");

        await using (var restarted = await ServiceProcess.StartAsync(database, settings))
        {
            using var twilio = restarted.CreateClient(apiKey: null);
            foreach (var (path, fields) in _unacknowledged)
            {
                using var response = await twilio.PostSigned(path, fields);
                Assert.That(response.IsSuccessStatusCode, Is.True, $"{path} delivered again answered {(int)response.StatusCode}\n{restarted.Output}");
                Acknowledge(path, fields);
            }

            // Killed again once everything is acknowledged: an acknowledged row is durable, not merely written.
            await restarted.KillAsync();
        }

        await AssertStoredAsync(database);
    }

    private List<Task> StartLoad(ServiceProcess service, CancellationToken stop)
    {
        var workers = new List<Task>();
        for (var i = 0; i < InboundWorkers; i++)
        {
            var worker = i;
            workers.Add(Task.Run(() => PostInboundAsync(service, worker, stop), CancellationToken.None));
        }

        for (var i = 0; i < SendWorkers; i++)
        {
            var worker = i;
            workers.Add(Task.Run(() => SendAsync(service, worker, stop), CancellationToken.None));
        }

        for (var i = 0; i < StatusWorkers; i++)
        {
            workers.Add(Task.Run(() => PostStatusesAsync(service, stop), CancellationToken.None));
        }

        return workers;
    }

    private async Task PostInboundAsync(ServiceProcess service, int worker, CancellationToken stop)
    {
        using var twilio = service.CreateClient(apiKey: null);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var fields = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid(), $"Question {n} from worker {worker}");
            fields["From"] = Customer(worker * 7 + n % 7);
            await DeliverAsync(twilio, TwilioWebhooks.InboundPath, fields, stop);
        }
    }

    private async Task PostStatusesAsync(ServiceProcess service, CancellationToken stop)
    {
        using var twilio = service.CreateClient(apiKey: null);
        while (!stop.IsCancellationRequested)
        {
            if (!_statusesToPost.TryDequeue(out var next))
            {
                // Nothing sent yet to report on: the queue has no signal to wait on, so look again shortly.
                await Task.Delay(TimeSpan.FromMilliseconds(5), CancellationToken.None);
                continue;
            }

            await DeliverAsync(twilio, TwilioWebhooks.StatusPath, TwilioWebhooks.Status(next.Sid, next.Status), stop);
        }
    }

    private async Task SendAsync(ServiceProcess service, int worker, CancellationToken stop)
    {
        using var client = service.CreateClient();
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var body = new
            {
                to = Customer(100 + worker * 10 + n % 10).Replace("whatsapp:", string.Empty, StringComparison.Ordinal),
                contentSid = SampleContentTemplates.AppointmentReminder,
                contentVariables = new Dictionary<string, string> { ["1"] = $"Customer {n}", ["2"] = "12/1 at 3pm" },
            };
            try
            {
                using var response = await client.PostMessage(body, Guid.NewGuid().ToString());
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Unexpected($"a send answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                    continue;
                }

                var sent = (await response.Content.ReadFromJsonAsync<JsonObject>(CancellationToken.None))!;
                var sid = sent["waSid"]!.GetValue<string>();
                _acknowledgedSends.Add((sent["id"]!.GetValue<Guid>(), sid));

                // Twilio reports each status once or twice, and not always in order.
                var statuses = OutboundStatuses.OrderBy(_ => Random.Shared.Next()).ToList();
                statuses.Add(statuses[Random.Shared.Next(statuses.Count)]);
                foreach (var status in statuses)
                {
                    _statusesToPost.Enqueue((sid, status));
                }

                CheckKillPoint();
            }
            catch (Exception e) when (IsCutOff(e))
            {
                // A send cut off by the kill has an unknown outcome; it is not sent again here.
                if (!_killed)
                {
                    Unexpected($"a send failed: {e.Message}");
                }
            }
        }
    }

    private async Task DeliverAsync(HttpClient twilio, string path, Dictionary<string, string> fields, CancellationToken stop)
    {
        try
        {
            using var response = await twilio.PostSigned(path, fields);
            if (response.IsSuccessStatusCode)
            {
                Acknowledge(path, fields);
                CheckKillPoint();
                return;
            }

            Unexpected($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
        }
        catch (Exception e) when (IsCutOff(e))
        {
            if (!_killed && !stop.IsCancellationRequested)
            {
                Unexpected($"{path} failed: {e.Message}");
            }
        }

        // Not acknowledged, for whatever reason: Twilio delivers it again.
        _unacknowledged.Add((path, fields));
    }

    // A request cut off by the kill usually fails as HttpRequestException, but when the connection is refused or reset
    // between the connect and the handler's read of the peer's address, the socket's own exception comes out unwrapped.
    private static bool IsCutOff(Exception e) =>
        e is HttpRequestException or TaskCanceledException or SocketException or IOException;

    private void Acknowledge(string path, Dictionary<string, string> fields)
    {
        if (path == TwilioWebhooks.InboundPath)
        {
            _acknowledgedInbound.Add(fields["MessageSid"]);
        }
        else
        {
            _acknowledgedStatuses.Add((fields["MessageSid"], fields["MessageStatus"]));
        }
    }

    private void CheckKillPoint()
    {
        if (_acknowledgedInbound.Count >= InboundBeforeKill
            && _acknowledgedSends.Count >= SendsBeforeKill
            && _acknowledgedStatuses.Count >= StatusesBeforeKill)
        {
            _enoughAcknowledged.TrySetResult();
        }
    }

    private void Unexpected(string failure)
    {
        if (!_killed)
        {
            _failuresBeforeKill.Add(failure);
            _enoughAcknowledged.TrySetResult();
        }
    }

    private string Counts() =>
        $"{_acknowledgedInbound.Count} inbound, {_acknowledgedSends.Count} sends, {_acknowledgedStatuses.Count} statuses acknowledged";

    private async Task AssertStoredAsync(EmptyDatabase database)
    {
        await using DbConnection connection = database.IsSqlite
            ? new SqliteConnection(database.ConnectionString + ";Mode=ReadOnly;Pooling=False")
            : new NpgsqlConnection(database.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();

        var rows = new List<(Guid Id, string? Sid, MessageStatus Status, string Direction)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """SELECT "Id", "WaSid", "Status", "Direction" FROM "Messages" """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((
                    reader.GetGuid(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    Enum.Parse<MessageStatus>(reader.GetString(2)),
                    reader.GetString(3)));
            }
        }

        var bySid = rows.Where(r => r.Sid is not null).ToLookup(r => r.Sid!, StringComparer.Ordinal);
        var byId = rows.ToLookup(r => r.Id);
        var statusesBehind = _acknowledgedStatuses
            .Where(s => bySid[s.Sid].Any(r => MessageStatusRules.CanAdvance(r.Status, Enum.Parse<MessageStatus>(s.Status, ignoreCase: true))))
            .ToList();

        // PostgreSQL was not killed, only its client: its own consistency is not in question here.
        var integrity = database.IsSqlite ? await ScalarAsync(connection, "PRAGMA integrity_check") : "ok";
        var counted = await ScalarAsync(connection, """SELECT SUM("MessageCount") FROM "Conversations" """);
        Assert.Multiple(() =>
        {
            Assert.That(integrity, Is.EqualTo("ok"));
            Assert.That(bySid.Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "SIDs stored twice");
            Assert.That(
                _acknowledgedInbound.Where(sid => bySid[sid].Count(r => r.Direction == "Inbound") != 1).Select(sid => $"{sid} stored {bySid[sid].Count()} times"),
                Is.Empty,
                "acknowledged inbound messages not stored once");
            Assert.That(
                _acknowledgedSends.Where(s => byId[s.Id].Count() != 1 || byId[s.Id].Single().Sid != s.Sid),
                Is.Empty,
                "acknowledged sends not stored once with their SID");
            Assert.That(statusesBehind, Is.Empty, "messages behind a status that was acknowledged");
            Assert.That(
                counted,
                Is.EqualTo(rows.Count.ToString(CultureInfo.InvariantCulture)),
                "the conversations count every stored message");
        });
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string Customer(int n) => "whatsapp:+1415556" + n.ToString("D4", CultureInfo.InvariantCulture);
}
