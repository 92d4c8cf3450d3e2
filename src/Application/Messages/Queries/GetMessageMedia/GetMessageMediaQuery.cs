namespace Messaging.Application.Messages.Queries.GetMessageMedia;

/// <summary>The medium at <paramref name="Index"/> of message <paramref name="Id"/>, opened for streaming.</summary>
public sealed record GetMessageMediaQuery(Guid Id, int Index) : IRequest<MediaContent>;
