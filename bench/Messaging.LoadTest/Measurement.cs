namespace Messaging.LoadTest;

/// <summary>
/// One measured run: what wrk saw, the server's processor time during it, its peak working set, and the stored rows'
/// check.
/// </summary>
internal sealed record Measurement(WrkRun Run, TimeSpan ProcessorTime, long PeakWorkingSet, RowCheck? Check, string LogPath)
{
    /// <summary>
    /// The server's processor time per answered request, in microseconds: its cost, which, unlike throughput, does not
    /// depend on what else the machine is running.
    /// </summary>
    public double ProcessorMicrosecondsPerRequest => Run.Completed == 0 ? 0 : ProcessorTime.TotalMicroseconds / Run.Completed;
}
