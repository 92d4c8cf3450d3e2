namespace Messaging.Application.Messages;

public sealed record MessageMediaDto
{
    public string Url { get; init; } = string.Empty;

    public string? ContentType { get; init; }
}
