using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// A raw SQL command on a context's open connection and in its transaction: the writer's prepared command when the
/// context is the running unit's, otherwise a command of its own, disposed with this. Values are bound through the model's
/// type mappings, so they are converted and typed exactly as EF Core would (UTC ticks on SQLite, enum names, sizes).
/// </summary>
internal readonly struct Statement : IDisposable
{
    private readonly bool _owned;

    private Statement(DbCommand command, bool owned)
    {
        Command = command;
        _owned = owned;
    }

    public DbCommand Command { get; }

    public static Statement For(MessagingDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (WriteSession.Current is { } session && ReferenceEquals(session.Context, db))
        {
            return new Statement(session.Statements.For(connection, transaction, sql), owned: false);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return new Statement(command, owned: true);
    }

    /// <summary>The writer's prepared command for <paramref name="sql"/>, outside any unit: e.g. the statements it runs before a commit.</summary>
    public static Statement Prepared(PreparedStatements statements, MessagingDbContext db, DbTransaction transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(db);
        return new Statement(statements.For(db.Database.GetDbConnection(), transaction, sql), owned: false);
    }

    /// <summary>Binds <paramref name="value"/> as <paramref name="name"/>, typed and converted like <paramref name="property"/>.</summary>
    public Statement Bind(string name, IProperty property, object? value)
    {
        var mapping = (RelationalTypeMapping)property.GetTypeMapping();
        Command.Parameters.Add(mapping.CreateParameter(Command, name, value, nullable: true));
        return this;
    }

    /// <summary>Binds a value that needs no conversion (a JSON document, a key already in provider form).</summary>
    public Statement Bind(string name, object? value)
    {
        var parameter = Command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        Command.Parameters.Add(parameter);
        return this;
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => Command.ExecuteNonQueryAsync(cancellationToken);

    public Task<object?> ScalarAsync(CancellationToken cancellationToken) => Command.ExecuteScalarAsync(cancellationToken);

    public async Task<bool> AnyRowAsync(CancellationToken cancellationToken) =>
        await Command.ExecuteScalarAsync(cancellationToken) is not null and not DBNull;

    public void Dispose()
    {
        if (_owned)
        {
            Command.Dispose();
        }
    }

}
