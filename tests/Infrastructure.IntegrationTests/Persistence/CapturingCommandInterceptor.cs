using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>Keeps the last query EF Core sent, with its parameter values, so a test can ask SQLite how it runs it.</summary>
internal sealed class CapturingCommandInterceptor : DbCommandInterceptor
{
    public string? CommandText { get; private set; }

    public IReadOnlyList<KeyValuePair<string, object?>> Parameters { get; private set; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        CommandText = command.CommandText;
        Parameters = command.Parameters.Cast<DbParameter>()
            .Select(p => new KeyValuePair<string, object?>(p.ParameterName, p.Value))
            .ToList();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
