namespace Messaging.Application.UnitTests.Common.Models;

/// <summary>One of the API's paging cursors, seen as clients see it: an opaque token.</summary>
public sealed record CursorKind(
    string Name,
    Func<Random, object> RandomPosition,
    Func<object, string> Encode,
    Func<string?, object?> Decode,
    int MaxTokenLength)
{
    public override string ToString() => Name;
}
