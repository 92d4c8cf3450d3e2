namespace Messaging.Application.Common.Models;

/// <summary>
/// Keyset listings are asked for <see cref="RowsToFetch"/> rows, one more than a page holds: whether that extra row came
/// back tells whether another page exists, without counting.
/// </summary>
public static class KeysetPaging
{
    public static int RowsToFetch(int limit) => limit + 1;

    /// <summary>Cuts the rows of a listing asked for <see cref="RowsToFetch"/>(<paramref name="limit"/>) to one page.</summary>
    public static KeysetPage<T> Cut<T>(IReadOnlyList<T> rows, int limit)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Count > limit ? new KeysetPage<T>(rows.Take(limit).ToList(), hasMore: true) : new KeysetPage<T>(rows, hasMore: false);
    }
}
