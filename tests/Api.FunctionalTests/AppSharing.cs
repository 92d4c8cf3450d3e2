namespace Messaging.Api.FunctionalTests;

/// <summary>How long one application (its database file and emulator) lives for the tests of a fixture.</summary>
public enum AppSharing
{
    /// <summary>A fresh application for every test: what one test stores no other test sees.</summary>
    PerTest,

    /// <summary>
    /// One application for all the fixture's tests, seeded once. Only for fixtures whose tests read what the seed stored,
    /// or whose writes are refused and change nothing.
    /// </summary>
    PerFixture,
}
