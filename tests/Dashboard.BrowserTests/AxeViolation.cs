namespace Messaging.Dashboard.BrowserTests;

/// <summary>One rule axe-core found broken, and where.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<string> Targets)
{
    public override string ToString() => $"{Impact} {Id}: {Help} ({string.Join(", ", Targets)})";
}
