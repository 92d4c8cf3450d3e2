namespace Messaging.Application.UnitTests.TestSupport;

public sealed record LogEntry(string Category, LogLevel Level, string Text, Exception? Exception);
