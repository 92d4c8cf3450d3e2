using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Messaging.Benchmarks;

/// <summary>
/// Few iterations, run in this process: enough to tell microseconds from milliseconds, which is the question
/// here, and it finishes in minutes on a small machine.
/// </summary>
public sealed class ShortSqliteConfig : ManualConfig
{
    public ShortSqliteConfig()
    {
        Add(DefaultConfig.Instance);
        AddJob(Job.ShortRun
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3)
            .WithIterationCount(8));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
