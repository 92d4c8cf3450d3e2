namespace Messaging.LoadTest;

/// <summary>One line of the report: a scenario at a number of clients, on the service and on its floor.</summary>
internal sealed record ResultRow(string Scenario, string Floor, int Clients, Measurement Service, Measurement? FloorRun)
{
    /// <summary>The service's throughput as a share of the floor's.</summary>
    public double? Ratio => FloorRun is { Run.Throughput: > 0 } floor ? Service.Run.Throughput / floor.Run.Throughput : null;

    /// <summary>Answered (a run with no answer at all proves nothing), without errors, with the stored rows as acknowledged.</summary>
    public bool Passed =>
        Service.Run.Completed > 0
        && Service.Run.Errors == 0
        && Service.Check is null or { Passed: true }
        && FloorRun is null or { Run.Errors: 0 };
}
