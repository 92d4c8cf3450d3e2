using System.Diagnostics;
using System.Globalization;

namespace Messaging.LoadTest;

/// <summary>
/// A process the harness measures (the service or the floor server): its output goes to a log file, its peak working
/// set is sampled while it runs, and it is stopped the way a service manager stops it (SIGTERM, then a kill).
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Task _output;
    private readonly Task _errors;
    private readonly CancellationTokenSource _sampling = new();
    private readonly Task _sampler;
    private long _peakWorkingSet;

    private ChildProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
        _output = PumpAsync(process.StandardOutput);
        _errors = PumpAsync(process.StandardError);
        _sampler = SampleAsync(_sampling.Token);
    }

    public int Id => _process.Id;

    public string LogPath { get; private init; } = string.Empty;

    /// <summary>The most memory the process has held resident so far, in bytes.</summary>
    public long PeakWorkingSet
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peakWorkingSet);
        }
    }

    /// <summary>Processor time the process has used so far, on all cores: what a request costs, whatever else runs.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static ChildProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        string logPath)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var log = new StreamWriter(logPath) { AutoFlush = false };
        return new ChildProcess(process, log) { LogPath = logPath };
    }

    /// <summary>Waits until <paramref name="url"/> answers 200; fails with the end of the log if the process exits first.</summary>
    public async Task WaitUntilReadyAsync(Uri url, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The process exited with {_process.ExitCode} before it was ready:\n{await LogTailAsync()}");
            }

            try
            {
                using var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet (a loaded machine): ask again until the deadline.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{url} did not answer within {timeout}:\n{await LogTailAsync()}");
    }

    /// <summary>Asks the process to stop (SIGTERM, as a service manager does) and waits; kills it if it hangs.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        await _sampling.CancelAsync();
        await Task.WhenAll(_output, _errors, _sampler);
        await _log.FlushAsync();
    }

    public async Task<string> LogTailAsync()
    {
        await _log.FlushAsync();
        var lines = await File.ReadAllLinesAsync(LogPath);
        return string.Join('\n', lines.TakeLast(40));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _log.DisposeAsync();
        _process.Dispose();
        _sampling.Dispose();
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_log)
            {
                _log.WriteLine(line);
            }
        }
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(SampleInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped with the process.
        }
    }

    private void Sample()
    {
        try
        {
            _process.Refresh();
            if (_process.HasExited)
            {
                return;
            }

            // The kernel's high-water mark (VmHWM) where available, else what the samples saw.
            var current = Math.Max(_process.WorkingSet64, _process.PeakWorkingSet64);
            long seen;
            do
            {
                seen = Interlocked.Read(ref _peakWorkingSet);
            }
            while (current > seen && Interlocked.CompareExchange(ref _peakWorkingSet, current, seen) != seen);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the read.
        }
    }
}
