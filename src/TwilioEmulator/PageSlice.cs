namespace Messaging.TwilioEmulator;

/// <summary>One page of a list, and whether records come before and after it.</summary>
internal sealed record PageSlice<T>(IReadOnlyList<T> Items, bool HasPrevious, bool HasNext);
