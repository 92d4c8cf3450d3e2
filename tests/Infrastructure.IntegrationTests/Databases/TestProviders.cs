namespace Messaging.Infrastructure.IntegrationTests.Databases;

/// <summary>The providers every <see cref="ProviderFixture"/> runs on.</summary>
internal static class TestProviders
{
    public static readonly string[] All = [DatabaseOptions.Sqlite, DatabaseOptions.PostgreSql];
}
