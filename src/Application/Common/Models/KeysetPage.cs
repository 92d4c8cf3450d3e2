namespace Messaging.Application.Common.Models;

/// <summary>One page of a keyset listing, cut by <see cref="KeysetPaging.Cut{T}"/>.</summary>
public sealed class KeysetPage<T>
{
    internal KeysetPage(IReadOnlyList<T> items, bool hasMore)
    {
        Items = items;
        HasMore = hasMore;
    }

    public IReadOnlyList<T> Items { get; }

    /// <summary>Whether rows follow <see cref="Items"/>; the next page starts after the last of them.</summary>
    public bool HasMore { get; }

    /// <summary>The cursor of the next page, made from the page's last row, or null on the last page.</summary>
    public string? NextCursor(Func<T, string> cursorAfter)
    {
        ArgumentNullException.ThrowIfNull(cursorAfter);
        return HasMore ? cursorAfter(Items[^1]) : null;
    }
}
