using System.Globalization;
using System.Text;

namespace Messaging.LoadTest;

/// <summary>The Markdown report: where it was measured, then one table row per scenario and number of clients.</summary>
internal static class Report
{
    public static string Markdown(MachineInfo machine, HarnessOptions options, int? readRows, IReadOnlyList<ResultRow> rows)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Measured {machine.At:yyyy-MM-dd HH:mm zzz} at commit {machine.Commit}: {machine.Processor}, {machine.Cores} cores, {machine.OperatingSystem}, {machine.Runtime}.");
        text.AppendLine(c, $"Load average (1/5/15 min) before: {machine.LoadBefore}; after: {machine.LoadAfter}.");
        if (options.ServiceDirectory is { } service)
        {
            text.AppendLine(c, $"Service measured: the build in {service}, not this commit's.");
        }

        text.Append(c, $"Each run: a fresh process on 127.0.0.1, {options.Warmup.TotalSeconds:0} s of warm-up (not counted), then {options.Duration.TotalSeconds:0} s measured with wrk, one connection per thread.");
        text.AppendLine(readRows is { } r ? string.Create(c, $" Reads on {r:N0} seeded messages.") : string.Empty);
        text.AppendLine();
        text.AppendLine("| scenario | clients | req/s | p50 ms | p90 ms | p99 ms | errors | CPU µs/req | peak WS MB | floor req/s | floor p99 ms | floor CPU µs/req | ratio | stored rows checked |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var row in rows)
        {
            var run = row.Service.Run;
            var floor = row.FloorRun?.Run;
            var floorRate = floor is null ? "–" : floor.Throughput.ToString("N0", c);
            var floorP99 = floor is null ? "–" : floor.P99Milliseconds.ToString("F2", c);
            var floorCpu = row.FloorRun is { } f ? f.ProcessorMicrosecondsPerRequest.ToString("F0", c) : "–";
            var ratio = row.Ratio is { } r2 ? r2.ToString("F2", c) : "–";
            var checkText = row.Service.Check is { } check ? (check.Passed ? "✓ " : "✗ ") + check.Text : "–";
            text.AppendLine(c, $"| {row.Scenario} | {row.Clients} | {run.Throughput:N0} | {run.P50Milliseconds:F2} | {run.P90Milliseconds:F2} | {run.P99Milliseconds:F2} | {run.Errors} | {row.Service.ProcessorMicrosecondsPerRequest:F0} | {row.Service.PeakWorkingSet / (1024.0 * 1024):F0} | {floorRate} | {floorP99} | {floorCpu} | {ratio} | {checkText} |");
        }

        text.AppendLine();
        text.AppendLine("Floors (the least a server must do per request, in raw ASP.NET Core and Microsoft.Data.Sqlite, measured in the same run):");
        foreach (var (scenario, floorText) in rows.Select(r => (r.Scenario, r.Floor)).Distinct())
        {
            text.AppendLine(c, $"- {scenario}: {floorText}");
        }

        return text.ToString();
    }

    public static string Line(ResultRow row)
    {
        var c = CultureInfo.InvariantCulture;
        var run = row.Service.Run;
        var floor = row.FloorRun?.Run.Throughput.ToString("N0", c) ?? "–";
        var rows = row.Service.Check is { } check ? string.Create(c, $"; rows: {(check.Passed ? "ok" : "FAILED")} {check.Text}") : string.Empty;
        return string.Create(c, $"{row.Scenario}, {row.Clients} clients: {run.Throughput:N0} req/s, p50 {run.P50Milliseconds:F2} ms, p99 {run.P99Milliseconds:F2} ms, {run.Errors} errors, {row.Service.ProcessorMicrosecondsPerRequest:F0} µs CPU/req, {row.Service.PeakWorkingSet / (1024.0 * 1024):F0} MB; floor {floor} req/s, {row.FloorRun?.ProcessorMicrosecondsPerRequest.ToString("F0", c) ?? "–"} µs CPU/req{rows}");
    }
}
