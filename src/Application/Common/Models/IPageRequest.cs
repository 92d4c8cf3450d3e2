namespace Messaging.Application.Common.Models;

/// <summary>A request for one page of a keyset listing: at most <see cref="Limit"/> rows after <see cref="Cursor"/>.</summary>
public interface IPageRequest
{
    int Limit { get; }

    /// <summary>The previous page's <c>nextCursor</c>, or null for the first page.</summary>
    string? Cursor { get; }
}
