namespace Messaging.Infrastructure.IntegrationTests.Databases;

/// <summary>
/// A fixture run once per provider (<c>[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]</c>). On
/// PostgreSQL it needs the test server before any of its tests start: without one they are all ignored, with the reason,
/// or all failed under <c>CI=true</c>.
/// </summary>
public abstract class ProviderFixture(string provider)
{
    protected string Provider { get; } = provider;

    [OneTimeSetUp]
    public void RequireTheDatabaseServer()
    {
        if (Provider == DatabaseOptions.PostgreSql)
        {
            PostgreSqlTestServer.RequireConnectionString();
        }
    }
}
