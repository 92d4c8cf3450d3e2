namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>Stands for a failure a database server's execution strategy retries, e.g. a dropped connection.</summary>
internal sealed class InjectedTransientFailure : Exception
{
    public InjectedTransientFailure()
        : base("The connection dropped (injected).")
    {
    }

    public InjectedTransientFailure(string message)
        : base(message)
    {
    }

    public InjectedTransientFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
