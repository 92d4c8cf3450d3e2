namespace Messaging.Application.Common.Queries;

/// <summary>A query for one resource by its id, answered by a <see cref="GetByIdQueryHandler{TQuery, TEntity, TDto}"/>.</summary>
public interface IGetByIdQuery<out TDto> : IRequest<TDto>
{
    Guid Id { get; }
}
