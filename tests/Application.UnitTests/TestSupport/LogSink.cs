using System.Collections.Concurrent;

namespace Messaging.Application.UnitTests.TestSupport;

/// <summary>Collects what the application logs, so tests can check what is and is not reported.</summary>
public sealed class LogSink
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public void Add(LogEntry entry) => _entries.Enqueue(entry);
}
