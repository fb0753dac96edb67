using Npgsql;

namespace Collab.Server.Storage.Postgres;

/// <summary>
/// Runs schema DDL in one transaction under a transaction-scoped advisory lock, so replicas
/// starting together create tables one at a time (the core schema, chat and audit all use it).
/// </summary>
internal static class PostgresSchemaLock
{
    /// <summary>The one-key advisory lock for schema changes (document locks use the two-key form).</summary>
    public const long Key = 7346001;

    public static async Task ApplyAsync(NpgsqlDataSource db, string ddl, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await tx.Command($"SELECT pg_advisory_xact_lock({Key})").ExecuteNonQueryAsync(ct);
        await tx.Command(ddl).ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }
}
