using Messaging.LoadTest.Scenarios;

namespace Messaging.LoadTest;

/// <summary>What every run of one harness invocation shares.</summary>
internal sealed class RunContext(HarnessOptions options, RepositoryLayout layout, string work, string apiKey)
{
    public HarnessOptions Options { get; } = options;

    public RepositoryLayout Layout { get; } = layout;

    /// <summary>The working directory: databases, logs and wrk's files of every run.</summary>
    public string Work { get; } = work;

    /// <summary>The key the service is configured with (only its SHA-256), sent by every API request.</summary>
    public string ApiKey { get; } = apiKey;

    /// <summary>An empty, migrated database, copied for each run of the service.</summary>
    public string TemplateDatabase { get; set; } = string.Empty;

    public ReadDatabase? ReadDatabase { get; set; }
}
