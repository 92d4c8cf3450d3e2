namespace Messaging.LoadTest;

/// <summary>What the stored rows showed after a write scenario: whether they hold what was acknowledged, in words.</summary>
internal sealed record RowCheck(bool Passed, string Text);
