namespace Messaging.Application.Messages.Queries.GetMessageById;

public sealed record GetMessageByIdQuery(Guid Id) : IRequest<MessageDto>;
