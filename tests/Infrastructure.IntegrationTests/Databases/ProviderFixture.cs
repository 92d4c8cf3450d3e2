namespace Messaging.Infrastructure.IntegrationTests.Databases;

/// <summary>
/// A fixture run once per provider: NUnit takes the fixture source from this base class for every fixture that derives
/// from it, so a derived fixture only passes its <c>provider</c> argument on. On PostgreSQL it needs the test server
/// before any of its tests start: without one they are all ignored, with the reason, or all failed under <c>CI=true</c>.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
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
