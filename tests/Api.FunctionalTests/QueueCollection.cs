using System.Collections;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// A thread-safe <see cref="ICollection{T}"/> over a queue, for an exporter that adds from the threads that end spans
/// while the test reads.
/// </summary>
public sealed class QueueCollection<T>(ConcurrentQueue<T> queue) : ICollection<T>
{
    public int Count => queue.Count;

    public bool IsReadOnly => false;

    public void Add(T item) => queue.Enqueue(item);

    public void Clear() => queue.Clear();

    public bool Contains(T item) => queue.Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => queue.CopyTo(array, arrayIndex);

    public bool Remove(T item) => throw new NotSupportedException("Spans are only ever added.");

    public IEnumerator<T> GetEnumerator() => queue.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
