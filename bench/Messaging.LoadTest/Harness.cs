using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Messaging.LoadTest.Scenarios;

namespace Messaging.LoadTest;

/// <summary>
/// Runs every scenario against the real service (Release build, fresh SQLite file, embedded Twilio emulator, on
/// 127.0.0.1) and against its floor, each in a fresh process, with wrk; checks the stored rows; prints the report.
/// </summary>
internal static class Harness
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(HarnessOptions options)
    {
        var layout = RepositoryLayout.Find(options.ServiceDirectory);
        if (!Wrk.IsInstalled())
        {
            await Console.Error.WriteLineAsync("wrk is not installed (Debian: apt-get install -y wrk).");
            return 2;
        }

        if (options.Build && !await BuildServiceAsync(layout))
        {
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("messaging-loadtest-").FullName;
        try
        {
            var machine = MachineInfo.Read(layout.Root);
            var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
            var context = new RunContext(options, layout, work, apiKey);

            Log($"Working in {work}; preparing a migrated database");
            context.TemplateDatabase = await CreateTemplateDatabaseAsync(context);

            var scenarios = Catalogue(context).Where(s => Selected(options, s.Name)).ToList();
            if (scenarios.Any(s => s.ReadsSeeded))
            {
                Log($"Seeding {options.ReadRows:N0} messages for the reads");
                var seeding = Stopwatch.StartNew();
                context.ReadDatabase = await ReadDatabase.CreateAsync(context.TemplateDatabase, Path.Combine(work, "read.db"), options.ReadRows);
                Log($"Seeded in {seeding.Elapsed.TotalSeconds:F1} s");
            }

            var rows = new List<ResultRow>();
            var broken = 0;
            foreach (var (name, _, create) in scenarios)
            {
                foreach (var clients in options.Clients)
                {
                    try
                    {
                        var plan = new RunPlan(clients, options.Warmup, options.Duration);
                        var floor = options.Floors ? await MeasureAsync(context, create(), plan, isFloor: true) : null;
                        var service = await MeasureAsync(context, create(), plan, isFloor: false);
                        var row = new ResultRow(name, create().Floor, clients, service, floor);
                        rows.Add(row);
                        Log(Report.Line(row));
                    }
                    catch (Exception exception) when (exception is not OutOfMemoryException)
                    {
                        // The other scenarios still run; this one fails the whole run.
                        broken++;
                        Log($"{name}, {clients} clients: could not be measured: {exception}");
                    }
                }
            }

            machine = machine with { LoadAfter = MachineInfo.LoadAverage() };
            var report = Report.Markdown(machine, options, context.ReadDatabase?.Rows, rows);
            Console.WriteLine();
            Console.WriteLine(report);
            if (options.Output is { } output)
            {
                await File.WriteAllTextAsync(output, report);
            }

            var failed = rows.Count(r => !r.Passed) + broken;
            Log(failed == 0 ? "Every run passed its checks." : $"{failed} runs FAILED their checks (errors or stored rows); see the report.");
            return failed == 0 ? 0 : 1;
        }
        finally
        {
            if (options.Keep)
            {
                Log($"Kept {work}");
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static IEnumerable<(string Name, bool ReadsSeeded, Func<Scenario> Create)> Catalogue(RunContext context)
    {
        var all = new List<Func<Scenario>>
        {
            () => new InboundWebhooks(0),
            () => new InboundWebhooks(0.1),
            () => new StatusCallbacks(),
            () => new Sends(template: true),
            () => new Sends(template: false),
            () => new IdempotentReplays(),
        };
        foreach (var kind in Enum.GetValues<ReadKind>())
        {
            all.Add(() => new Reads(kind, context.ReadDatabase!));
        }

        foreach (var create in all)
        {
            var sample = create();
            yield return (sample.Name, sample.ReadsSeededDatabase, create);
        }
    }

    private static bool Selected(HarnessOptions options, string name) =>
        options.Scenarios.Count == 0 || options.Scenarios.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase));

    private static async Task<Measurement> MeasureAsync(RunContext context, Scenario scenario, RunPlan plan, bool isFloor)
    {
        var label = $"{Slug(scenario.Name)}-{(isFloor ? "floor" : "service")}-{plan.Clients.ToString(CultureInfo.InvariantCulture)}";
        var directory = Path.Combine(context.Work, label);
        Directory.CreateDirectory(directory);

        var database = Path.Combine(directory, isFloor ? "floor.db" : "messaging.db");
        if (!isFloor)
        {
            File.Copy(context.TemplateDatabase, database);
            await scenario.SeedServiceDatabaseAsync(database, plan);
        }

        var port = FreePort();
        var emulatorPort = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var readDatabase = scenario.ReadsSeededDatabase ? context.ReadDatabase!.Path : null;
        await using var process = isFloor
            ? await StartFloorAsync(context, directory, database, readDatabase, port, emulatorPort, scenario, plan)
            : StartService(context, directory, readDatabase ?? database, port, emulatorPort);
        await process.WaitUntilReadyAsync(new Uri(baseUrl, "/health/ready"), StartTimeout);

        var target = new Target
        {
            IsFloor = isFloor,
            BaseUrl = baseUrl,
            DatabasePath = readDatabase ?? database,
            EmulatorUrl = new Uri($"http://127.0.0.1:{emulatorPort.ToString(CultureInfo.InvariantCulture)}"),
            ApiKey = context.ApiKey,
        };
        await scenario.PrepareAsync(target, plan);

        var warmup = await Wrk.RunAsync(
            Path.Combine(directory, "warmup"), baseUrl, scenario.Requests(target, plan, Phase.Warmup), plan.Clients, plan.Warmup, scenario.Cycles);
        if (warmup.Errors > 0)
        {
            Log($"  warm-up of {label}: {warmup.Errors} errors (see {process.LogPath})");
        }

        var requests = scenario.Requests(target, plan, Phase.Measure);
        using var trace = isFloor ? null : StartTrace(context, process, directory, plan.Duration);
        var processorBefore = process.ProcessorTime;
        var run = await Wrk.RunAsync(Path.Combine(directory, "run"), baseUrl, requests, plan.Clients, plan.Duration, scenario.Cycles);
        var processorTime = process.ProcessorTime - processorBefore;
        if (run.ExhaustedConnections > 0)
        {
            Log($"  {label}: {run.ExhaustedConnections} connections ran out of prepared requests; the figure is bounded by count");
        }

        if (trace is not null)
        {
            await trace.WaitForExitAsync();
        }

        var settled = isFloor ? null : await scenario.SettleAsync(target, run);
        var peak = process.PeakWorkingSet;
        await process.StopAsync();
        var check = isFloor ? null : await scenario.VerifyAsync(target.DatabasePath, run, settled);
        return new Measurement(run, processorTime, peak, check, process.LogPath);
    }

    private static Process? StartTrace(RunContext context, ChildProcess process, string directory, TimeSpan duration)
    {
        if (context.Options.Trace is not { } tool)
        {
            return null;
        }

        var seconds = ((int)Math.Ceiling(duration.TotalSeconds)).ToString("D2", CultureInfo.InvariantCulture);
        return Process.Start(new ProcessStartInfo(tool)
        {
            ArgumentList =
            {
                "collect", "-p", process.Id.ToString(CultureInfo.InvariantCulture),
                "--profile", "dotnet-sampled-thread-time",
                "--duration", $"00:00:00:{seconds}",
                "-o", Path.Combine(directory, "service.nettrace"),
            },
        });
    }

    private static ChildProcess StartService(RunContext context, string directory, string database, int port, int emulatorPort)
    {
        var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var keyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context.ApiKey)));
        string[] arguments =
        [
            context.Layout.ApiAssembly,
            "--urls", url,
            "--Database:Provider=Sqlite",
            $"--Database:ConnectionString=Data Source={database}",
            "--Twilio:UseEmulator=true",
            $"--Twilio:EmulatorUrl=http://127.0.0.1:{emulatorPort.ToString(CultureInfo.InvariantCulture)}",
            $"--Twilio:PublicBaseUrl={url}",
            "--Auth:ApiKeys:0:Name=load-test",
            $"--Auth:ApiKeys:0:Sha256={keyHash}",
            "--Auth:ApiKeys:0:Scopes:0=messages:send",
            "--Auth:ApiKeys:0:Scopes:1=messages:read",
            "--RateLimiting:Send:PermitLimit=1000000000",
            .. context.Options.ServiceSettings.Select(s => "--" + s),
        ];
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_NOLOGO"] = "1" };
        foreach (var variable in context.Options.ServiceEnvironment)
        {
            var (name, value) = (variable.Split('=', 2)[0], variable.Split('=', 2)[1]);
            environment[name] = value;
        }

        return ChildProcess.Start("dotnet", arguments, context.Layout.ApiDirectory, environment, Path.Combine(directory, "service.log"));
    }

    private static async Task<ChildProcess> StartFloorAsync(
        RunContext context, string directory, string database, string? readDatabase, int port, int emulatorPort, Scenario scenario, RunPlan plan)
    {
        var assembly = typeof(Harness).Assembly.Location;
        List<string> arguments =
        [
            assembly, "floor",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--emulator-port", emulatorPort.ToString(CultureInfo.InvariantCulture),
            "--database", database,
            "--api-key", context.ApiKey,
        ];
        if (readDatabase is not null)
        {
            arguments.AddRange(["--read-database", readDatabase]);
        }

        // The floor's tables, made as the floor makes them, then whatever the scenario needs in them.
        await (await FloorDatabase.OpenAsync(database, null)).DisposeAsync();
        await scenario.SeedFloorDatabaseAsync(database, plan);
        return ChildProcess.Start("dotnet", arguments, AppContext.BaseDirectory, new Dictionary<string, string>(), Path.Combine(directory, "floor.log"));
    }

    private static async Task<string> CreateTemplateDatabaseAsync(RunContext context)
    {
        var directory = Path.Combine(context.Work, "template");
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "messaging.db");
        var port = FreePort();
        await using (var service = StartService(context, directory, database, port, FreePort()))
        {
            await service.WaitUntilReadyAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/health/ready"), StartTimeout);
        }

        // A clean stop checkpoints the write-ahead log into the file, so the file alone is the whole database.
        if (File.Exists(database + "-wal") && new FileInfo(database + "-wal").Length > 0)
        {
            throw new InvalidOperationException("The service left its write-ahead log behind; the template would be incomplete.");
        }

        return database;
    }

    private static async Task<bool> BuildServiceAsync(RepositoryLayout layout)
    {
        Log("Building the service in Release");
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", layout.ApiProject, "-c", "Release", "-nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            await Console.Error.WriteLineAsync(await output + await errors);
            return false;
        }

        return true;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Slug(string name) =>
        new([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    private static void Log(string line) =>
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
}
