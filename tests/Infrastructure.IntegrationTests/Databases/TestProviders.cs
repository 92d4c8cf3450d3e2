namespace Messaging.Infrastructure.IntegrationTests.Databases;

/// <summary>The providers a fixture marked <c>[TestFixtureSource(typeof(TestProviders), nameof(All))]</c> runs on.</summary>
internal static class TestProviders
{
    public static readonly string[] All = [DatabaseOptions.Sqlite, DatabaseOptions.PostgreSql];
}
