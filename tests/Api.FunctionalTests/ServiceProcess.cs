using System.Diagnostics;
using System.Text;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// The service built next to these tests, run as its own process on 127.0.0.1 in Production with the embedded Twilio
/// emulator: what a deployment runs, so it can be killed the way an operating system kills one.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process wrote so far, for a failure's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="environment">The hosting environment: Production unless a test needs what Production refuses.</param>
    public static async Task<ServiceProcess> StartAsync(EmptyDatabase database, IEnumerable<string> settings, string environment = "Production")
    {
        var port = LoopbackPort.Unused();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ServiceDirectory(),
        };
        string[] arguments =
        [
            Path.Combine(ServiceDirectory(), "Messaging.Api.dll"),
            "--urls", baseAddress.AbsoluteUri.TrimEnd('/'),
            "--AllowedHosts=127.0.0.1",
            $"--Database:Provider={database.Provider}",
            $"--Database:ConnectionString={database.ConnectionString}",
            "--Database:MigrateOnStartup=true",
            "--Twilio:UseEmulator=true",
            $"--Twilio:PublicBaseUrl={baseAddress.AbsoluteUri.TrimEnd('/')}",
            "--Logging:LogLevel:Default=Warning",
            .. TestApiKeys.All.SelectMany((key, i) => key.Settings(i)).Select(setting => $"--{setting.Key}={setting.Value}"),
            .. settings,
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["DOTNET_NOLOGO"] = "1";

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var service = new ServiceProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilLiveAsync();
        return service;
    }

    public HttpClient CreateClient(string? apiKey = TestApiKeys.Full)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no finally blocks; what was not durable is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as an orchestrator stops a service: returns the exit code once the process has ended.</summary>
    public async Task<int> TerminateAsync(CancellationToken cancellationToken)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    // The service as built with these tests, in the same configuration: bin/<configuration>/<framework> of src/Api.
    private static string ServiceDirectory()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Messaging.sln")))
        {
            root = root.Parent;
        }

        return root is null
            ? throw new InvalidOperationException("Messaging.sln was not found above the test's directory.")
            : Path.Combine(root.FullName, "src", "Api", "bin", configuration, framework);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilLiveAsync()
    {
        using var client = CreateClient(apiKey: null);
        using var deadline = new CancellationTokenSource(StartPatience);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative), deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                // Reported below.
            }

            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"The service did not answer /health/live within {StartPatience}:\n{Output}");
            }

            // The process gives no other sign of being ready than answering; ask again shortly.
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
    }
}
