using Collab.Server.Execution;
using Npgsql;

namespace Collab.Server.Storage.Postgres;

/// <summary>Each project's Jupyter Server choice in PostgreSQL.</summary>
public sealed class PostgresProjectJupyterStore(NpgsqlDataSource db) : IProjectJupyterStore, IStoreSchemaContributor
{
    public Task EnsureSchemaAsync(CancellationToken ct = default) => PostgresSchemaLock.ApplyAsync(db, """
        CREATE TABLE IF NOT EXISTS project_jupyter_servers (
            project_id text PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
            server text NOT NULL);
        """, ct);

    public async Task<string?> GetAsync(string projectId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return (string?)await connection.Command("SELECT server FROM project_jupyter_servers WHERE project_id = $1", projectId).ExecuteScalarAsync(ct);
    }

    public async Task SetAsync(string projectId, string? serverName, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await (serverName is null
            ? connection.Command("DELETE FROM project_jupyter_servers WHERE project_id = $1", projectId)
            : connection.Command("""
                INSERT INTO project_jupyter_servers (project_id, server) VALUES ($1, $2)
                ON CONFLICT (project_id) DO UPDATE SET server = excluded.server
                """, projectId, serverName)).ExecuteNonQueryAsync(ct);
    }
}
