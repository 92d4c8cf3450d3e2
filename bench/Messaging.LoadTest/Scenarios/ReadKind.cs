namespace Messaging.LoadTest.Scenarios;

/// <summary>The reads measured on the seeded database.</summary>
internal enum ReadKind
{
    FirstPage,
    DeepPage,
    Thread,
    Conversations,
}
