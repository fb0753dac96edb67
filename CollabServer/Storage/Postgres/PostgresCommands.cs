using Npgsql;

namespace Collab.Server.Storage.Postgres;

/// <summary>Terse command construction for the PostgreSQL stores (positional $1, $2... parameters).</summary>
internal static class PostgresCommands
{
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    public static NpgsqlCommand Command(this NpgsqlTransaction transaction, string sql, params object?[] parameters)
    {
        var command = transaction.Connection!.Command(sql, parameters);
        command.Transaction = transaction;
        return command;
    }
}
