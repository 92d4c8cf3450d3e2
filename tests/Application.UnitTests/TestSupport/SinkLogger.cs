using Microsoft.Extensions.Logging;

namespace Messaging.Application.UnitTests.TestSupport;

public sealed class SinkLogger<T> : ILogger<T>
{
    private readonly LogSink _sink;

    public SinkLogger(LogSink sink)
    {
        _sink = sink;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _sink.Add(new LogEntry(typeof(T).Name, logLevel, formatter(state, exception), exception));
}
