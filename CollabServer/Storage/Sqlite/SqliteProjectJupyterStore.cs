using Collab.Server.Execution;

namespace Collab.Server.Storage.Sqlite;

/// <summary>Each project's Jupyter Server choice in the embedded SQLite file.</summary>
public sealed class SqliteProjectJupyterStore(SqliteDatabase db) : IProjectJupyterStore, IStoreSchemaContributor
{
    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("""
            CREATE TABLE IF NOT EXISTS project_jupyter_servers (
                project_id TEXT PRIMARY KEY,
                server TEXT NOT NULL);
            CREATE TRIGGER IF NOT EXISTS project_jupyter_servers_project_deleted AFTER DELETE ON projects BEGIN
                DELETE FROM project_jupyter_servers WHERE project_id = old.id;
            END;
            """).ExecuteNonQueryAsync(ct);
    }

    public async Task<string?> GetAsync(string projectId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return (string?)await connection.Command("SELECT server FROM project_jupyter_servers WHERE project_id = $p", ("$p", projectId)).ExecuteScalarAsync(ct);
    }

    public async Task SetAsync(string projectId, string? serverName, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await (serverName is null
            ? connection.Command("DELETE FROM project_jupyter_servers WHERE project_id = $p", ("$p", projectId))
            : connection.Command("""
                INSERT INTO project_jupyter_servers (project_id, server) VALUES ($p, $s)
                ON CONFLICT (project_id) DO UPDATE SET server = excluded.server
                """, ("$p", projectId), ("$s", serverName))).ExecuteNonQueryAsync(ct);
    }
}
