using AutoMapper;

namespace Messaging.Application.Common.Queries;

/// <summary>
/// Answers a query for one resource by its id: the resource as <paramref name="find"/> reads it, mapped to its DTO, or a
/// <see cref="NotFoundException"/> naming <paramref name="resource"/> and the id.
/// </summary>
public abstract class GetByIdQueryHandler<TQuery, TEntity, TDto>(
    string resource, Func<Guid, CancellationToken, Task<TEntity?>> find, IMapper mapper) : IRequestHandler<TQuery, TDto>
    where TQuery : IGetByIdQuery<TDto>
    where TEntity : class
{
    public async Task<TDto> Handle(TQuery request, CancellationToken cancellationToken)
    {
        var entity = await find(request.Id, cancellationToken)
            ?? throw NotFoundException.For(resource, request.Id);
        return mapper.Map<TDto>(entity);
    }
}
