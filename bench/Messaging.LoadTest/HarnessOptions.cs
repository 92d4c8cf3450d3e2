using System.Globalization;

namespace Messaging.LoadTest;

/// <summary>The command line of the load test.</summary>
internal sealed record HarnessOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Messaging.LoadTest -- [options]
          --quick              smoke test: 64 clients only, 2 s per run after 2 s of warm-up, 20,000 seeded rows
          --duration <s>       measured seconds per run (default 10)
          --warmup <s>         warm-up seconds per run, not measured (default 3)
          --clients <n,n>      connections per run (default 1,64)
          --scenario <text>    only scenarios whose name contains the text (repeatable)
          --rows <n>           messages seeded for the reads (default 1,000,000)
          --no-floors          measure the service only
          --no-build           use the service as already built in Release
          --service <dir>      run the service built in this directory (e.g. another commit's src/Api/bin/Release/net10.0)
          --set <key=value>    a setting passed to the service, e.g. Logging:LogLevel:Default=Warning (repeatable)
          --env <NAME=VALUE>   an environment variable for the service, e.g. DOTNET_gcServer=0 (repeatable)
          --output <file>      also write the Markdown report to this file
          --keep               keep the working directory (databases, logs, wrk output)
          --trace <tool>       record the service during each measured run with this dotnet-trace (a .nettrace per run;
                               read it with: dotnet-trace report <file> topN); implies --keep
        """;

    public bool Quick { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    public IReadOnlyList<int> Clients { get; init; } = [1, 64];

    public IReadOnlyList<string> Scenarios { get; init; } = [];

    public int ReadRows { get; init; } = 1_000_000;

    public bool Floors { get; init; } = true;

    public bool Build { get; init; } = true;

    /// <summary>Another build of the service to measure, instead of this repository's.</summary>
    public string? ServiceDirectory { get; init; }

    public IReadOnlyList<string> ServiceSettings { get; init; } = [];

    public IReadOnlyList<string> ServiceEnvironment { get; init; } = [];

    public string? Output { get; init; }

    public bool Keep { get; init; }

    /// <summary>The dotnet-trace executable to record the service with, if any.</summary>
    public string? Trace { get; init; }

    public static HarnessOptions Parse(string[] args)
    {
        var options = new HarnessOptions();
        var scenarios = new List<string>();
        var settings = new List<string>();
        var environment = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--quick" => options with
                {
                    Quick = true,
                    Clients = [64],
                    Duration = TimeSpan.FromSeconds(2),
                    Warmup = TimeSpan.FromSeconds(2),
                    ReadRows = 20_000,
                },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--clients" => options with { Clients = [.. Value().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))] },
                "--rows" => options with { ReadRows = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--no-floors" => options with { Floors = false },
                "--no-build" => options with { Build = false },
                "--service" => options with { ServiceDirectory = Path.GetFullPath(Value()), Build = false },
                "--output" => options with { Output = Value() },
                "--keep" => options with { Keep = true },
                "--trace" => options with { Trace = Value(), Keep = true },
                "--scenario" => Add(options, scenarios, Value()),
                "--set" => Add(options, settings, Value()),
                "--env" => Add(options, environment, Value()),
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }

        return options with { Scenarios = scenarios, ServiceSettings = settings, ServiceEnvironment = environment };
    }

    private static HarnessOptions Add(HarnessOptions options, List<string> list, string value)
    {
        list.Add(value);
        return options;
    }
}
