namespace Messaging.Application.Common.Models;

/// <summary>
/// An open medium: its bytes as a stream (owned by this object; disposing it releases the connection behind it),
/// its content type and, when the source said so, its length.
/// </summary>
public sealed class MediaContent(Stream content, string? contentType, long? length) : IAsyncDisposable
{
    public Stream Content { get; } = content;

    /// <summary>The content type the source served, e.g. <c>image/png</c>; null when it named none.</summary>
    public string? ContentType { get; } = contentType;

    public long? Length { get; } = length;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
