using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Messaging.LoadTest;

/// <summary>Where and on what the figures were measured.</summary>
internal sealed record MachineInfo(
    DateTimeOffset At,
    string Processor,
    int Cores,
    string OperatingSystem,
    string Runtime,
    string Commit,
    string LoadBefore,
    string LoadAfter)
{
    public static MachineInfo Read(string repository) => new(
        DateTimeOffset.Now,
        ReadProcessor(),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        ReadCommit(repository),
        LoadAverage(),
        string.Empty);

    /// <summary>The 1, 5 and 15 minute load averages: how busy the machine was with other work.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string ReadProcessor()
    {
        if (!File.Exists("/proc/cpuinfo"))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        return File.ReadLines("/proc/cpuinfo")
            .FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?
            .Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string ReadCommit(string repository)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", repository, "rev-parse", "--short", "HEAD"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            var commit = git!.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            using var status = Process.Start(new ProcessStartInfo("git", ["-C", repository, "status", "--porcelain", "--untracked-files=no"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            var dirty = status!.StandardOutput.ReadToEnd().Trim().Length > 0;
            status.WaitForExit();
            return dirty ? commit + " (with uncommitted changes)" : commit;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
