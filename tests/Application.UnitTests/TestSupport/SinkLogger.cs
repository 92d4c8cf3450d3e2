namespace Messaging.Application.UnitTests.TestSupport;

public sealed class SinkLogger<T>(LogSink sink) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        sink.Add(new LogEntry(typeof(T).Name, logLevel, formatter(state, exception), exception));
}
