using System.Data.Common;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// The writer's own commands, one per statement text, kept on the writer's connection and run again with new values:
/// the database compiles each statement once (SQLite prepares it once; SQL Server reuses the plan) instead of the
/// statement being generated, parsed and compiled for every write.
/// </summary>
internal sealed class PreparedStatements : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/> on <paramref name="connection"/>, in <paramref name="transaction"/>, with no parameters yet.</summary>
    public DbCommand For(DbConnection connection, DbTransaction? transaction, string sql)
    {
        if (!_commands.TryGetValue(sql, out var command) || command.Connection != connection)
        {
            command?.Dispose();
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>Forgets every command, e.g. when the connection is closed.</summary>
    public void Clear()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    public void Dispose() => Clear();
}
