namespace Messaging.Application.Messages.Queries.GetMessageMedia;

public sealed class GetMessageMediaQueryHandler(IMessageRepository repository, ITwilioMediaClient mediaClient) : IRequestHandler<GetMessageMediaQuery, MediaContent>
{
    /// <summary>What a medium is served as when neither Twilio nor the webhook named a type.</summary>
    public const string UnknownContentType = "application/octet-stream";


    public async Task<MediaContent> Handle(GetMessageMediaQuery request, CancellationToken cancellationToken)
    {
        var message = await repository.GetById(request.Id, cancellationToken)
            ?? throw NotFoundException.For("Message", request.Id);

        // Only what customers sent is kept at Twilio for this account. The media of a message sent from here are
        // whatever URLs its sender gave, and relaying those with the account's credentials would lend them out.
        if (message.Direction != MessageDirection.Inbound || message.WaSid is null)
        {
            throw new NotFoundException(
                $"Message '{request.Id}' was sent from here; only media customers sent are served. Its media are at the URLs it was sent with.");
        }

        if (request.Index < 0 || request.Index >= message.Media.Count)
        {
            throw new NotFoundException($"Message '{request.Id}' has no medium {request.Index}.");
        }

        var medium = message.Media[request.Index];
        var opened = await mediaClient.OpenAsync(message.WaSid, medium.Url, cancellationToken);

        // Twilio's answer is the better witness of what the bytes are; the webhook's type is the fallback.
        return new MediaContent(opened.Content, opened.ContentType ?? medium.ContentType ?? UnknownContentType, opened.Length);
    }
}
