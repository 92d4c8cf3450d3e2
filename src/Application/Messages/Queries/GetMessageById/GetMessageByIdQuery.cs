using Messaging.Application.Common.Queries;

namespace Messaging.Application.Messages.Queries.GetMessageById;

public sealed record GetMessageByIdQuery(Guid Id) : IGetByIdQuery<MessageDto>;
