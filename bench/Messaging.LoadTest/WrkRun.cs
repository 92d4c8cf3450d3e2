using System.Globalization;

namespace Messaging.LoadTest;

/// <summary>What one wrk run measured, and every answer it received.</summary>
internal sealed class WrkRun
{
    public required TimeSpan Duration { get; init; }

    /// <summary>Answers received (complete responses), as wrk counts them.</summary>
    public required long Completed { get; init; }

    public required long SocketErrors { get; init; }

    /// <summary>Answers that took longer than wrk's time-out (30 s); counted, not aborted.</summary>
    public required long Timeouts { get; init; }

    /// <summary>Connections that ran out of prepared requests before the time was up: the run was bounded by count.</summary>
    public required int ExhaustedConnections { get; init; }

    public required double P50Milliseconds { get; init; }

    public required double P90Milliseconds { get; init; }

    public required double P99Milliseconds { get; init; }

    public required double MaxMilliseconds { get; init; }

    public required IReadOnlyList<Answer> Answers { get; init; }

    public double Throughput => Completed / Duration.TotalSeconds;

    /// <summary>Socket errors, time-outs, and answers other than 2xx.</summary>
    public long Errors => SocketErrors + Timeouts + Answers.Count(a => !a.IsSuccess);

    public static WrkRun Read(string directory)
    {
        var summary = File.ReadAllLines(Path.Combine(directory, "summary.txt"))
            .Select(line => line.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
        var answers = File.ReadLines(Path.Combine(directory, "answers.txt"))
            .Where(line => line.Length > 0)
            .Select(line =>
            {
                var parts = line.Split(' ');
                return new Answer(
                    long.Parse(parts[0], CultureInfo.InvariantCulture),
                    int.Parse(parts[1], CultureInfo.InvariantCulture),
                    parts[2] == "1",
                    parts[3] == "-" ? null : parts[3]);
            })
            .ToList();

        return new WrkRun
        {
            Duration = TimeSpan.FromMicroseconds(summary["duration_us"]),
            Completed = (long)summary["requests"],
            SocketErrors = (long)(summary["connect_errors"] + summary["read_errors"] + summary["write_errors"]),
            Timeouts = (long)summary["timeouts"],
            ExhaustedConnections = (int)summary["exhausted_threads"],
            P50Milliseconds = summary["p50_us"] / 1000,
            P90Milliseconds = summary["p90_us"] / 1000,
            P99Milliseconds = summary["p99_us"] / 1000,
            MaxMilliseconds = summary["max_us"] / 1000,
            Answers = answers,
        };
    }
}
