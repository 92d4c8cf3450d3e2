using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// An EF Core compiled query, compiled once per model. EF Core binds a compiled query to the model it first ran
/// against, and a process can hold more than one model of the same context (another provider, other interceptors).
/// </summary>
internal sealed class CompiledQuery<TDelegate>(Func<TDelegate> compile)
    where TDelegate : class
{
    private readonly ConditionalWeakTable<IModel, TDelegate> _byModel = [];

    public TDelegate For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.GetValue(db.Model, _ => compile());
    }
}
