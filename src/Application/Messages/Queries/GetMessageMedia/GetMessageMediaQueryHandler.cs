using MediatR;
using Messaging.Application.Common.Exceptions;
using Messaging.Application.Common.Interfaces;
using Messaging.Application.Common.Models;

namespace Messaging.Application.Messages.Queries.GetMessageMedia;

public sealed class GetMessageMediaQueryHandler : IRequestHandler<GetMessageMediaQuery, MediaContent>
{
    /// <summary>What a medium is served as when neither Twilio nor the webhook named a type.</summary>
    public const string UnknownContentType = "application/octet-stream";

    private readonly IMessageRepository _repository;
    private readonly ITwilioMediaClient _mediaClient;

    public GetMessageMediaQueryHandler(IMessageRepository repository, ITwilioMediaClient mediaClient)
    {
        _repository = repository;
        _mediaClient = mediaClient;
    }

    public async Task<MediaContent> Handle(GetMessageMediaQuery request, CancellationToken cancellationToken)
    {
        var message = await _repository.GetById(request.Id, cancellationToken)
            ?? throw NotFoundException.For("Message", request.Id);
        if (request.Index < 0 || request.Index >= message.Media.Count)
        {
            throw new NotFoundException($"Message '{request.Id}' has no medium {request.Index}.");
        }

        var medium = message.Media[request.Index];
        if (!Uri.TryCreate(medium.Url, UriKind.Absolute, out var url))
        {
            throw new MediaSourceNotAllowedException($"Medium {request.Index} of message '{request.Id}' has no absolute URL.");
        }

        var opened = await _mediaClient.OpenAsync(url, cancellationToken);

        // Twilio's answer is the better witness of what the bytes are; the webhook's type is the fallback.
        return new MediaContent(opened.Content, opened.ContentType ?? medium.ContentType ?? UnknownContentType, opened.Length);
    }
}
