using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Messaging.LoadTest;

/// <summary>Runs wrk with <c>loadtest.lua</c>: one connection per thread, each through its own list of prepared requests.</summary>
internal static class Wrk
{
    public const string Executable = "wrk";

    public static bool IsInstalled()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Executable, "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            process?.WaitForExit();
            return process is not null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends <paramref name="requests"/> over <paramref name="connections"/> connections for <paramref name="duration"/>:
    /// request k goes on connection k mod <paramref name="connections"/>, in order. With <paramref name="cycle"/> each
    /// connection starts its list again when it reaches the end; without, it stops there.
    /// </summary>
    public static async Task<WrkRun> RunAsync(
        string directory,
        Uri target,
        IReadOnlyList<LoadRequest> requests,
        int connections,
        TimeSpan duration,
        bool cycle)
    {
        Directory.CreateDirectory(directory);
        await WriteRequestFilesAsync(directory, requests, connections);

        var script = Path.Combine(AppContext.BaseDirectory, "loadtest.lua");
        var seconds = Math.Max(1, (int)Math.Round(duration.TotalSeconds));
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "-t", connections.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", seconds.ToString(CultureInfo.InvariantCulture) + "s",
            "--timeout", "30s",
            "-s", script,
            target.GetLeftPart(UriPartial.Authority) + "/"])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["LOADTEST_DIR"] = directory;
        info.Environment["LOADTEST_CYCLE"] = cycle ? "1" : "0";

        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await File.WriteAllTextAsync(Path.Combine(directory, "wrk.txt"), await output + await errors);
        if (process.ExitCode != 0 || !File.Exists(Path.Combine(directory, "summary.txt")))
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}):\n{await output}{await errors}");
        }

        return WrkRun.Read(directory);
    }

    // One file per connection: "<id> <length>\n" then the raw request, for each request of that connection in order.
    private static async Task WriteRequestFilesAsync(string directory, IReadOnlyList<LoadRequest> requests, int connections)
    {
        var files = new FileStream[connections];
        try
        {
            for (var c = 0; c < connections; c++)
            {
                files[c] = new FileStream(
                    Path.Combine(directory, $"requests-{c.ToString(CultureInfo.InvariantCulture)}.bin"),
                    FileMode.Create,
                    FileAccess.Write,
                    FileShare.None,
                    bufferSize: 1 << 16);
            }

            for (var k = 0; k < requests.Count; k++)
            {
                var request = requests[k];
                var file = files[k % connections];
                await file.WriteAsync(Encoding.ASCII.GetBytes(
                    string.Create(CultureInfo.InvariantCulture, $"{request.Id} {request.Bytes.Length}\n")));
                await file.WriteAsync(request.Bytes);
            }
        }
        finally
        {
            foreach (var file in files)
            {
                if (file is not null)
                {
                    await file.DisposeAsync();
                }
            }
        }
    }
}
