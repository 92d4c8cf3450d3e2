namespace Messaging.LoadTest;

/// <summary>A run's warm-up, whose figures are thrown away, or its measured part.</summary>
internal enum Phase
{
    Warmup,
    Measure,
}
