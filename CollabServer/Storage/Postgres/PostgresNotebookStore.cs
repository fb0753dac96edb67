using Collab.Server.Notebooks;
using Npgsql;

namespace Collab.Server.Storage.Postgres;

public sealed class PostgresNotebookStore(NpgsqlDataSource db) : INotebookStore
{
    public async Task<IReadOnlyList<NotebookInfo>> ListAsync(string projectId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var reader = await connection.Command(
            "SELECT name, created_at FROM notebooks WHERE project_id = $1 ORDER BY name", projectId).ExecuteReaderAsync(ct);
        var list = new List<NotebookInfo>();
        while (await reader.ReadAsync(ct)) list.Add(new NotebookInfo(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return list;
    }

    public async Task<bool> ExistsAsync(DocumentKey key, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.Command("SELECT 1 FROM notebooks WHERE project_id = $1 AND name = $2",
            key.ProjectId, key.DocName).ExecuteScalarAsync(ct) is not null;
    }

    public async Task<bool> CreateAsync(DocumentKey key, byte[] initialUpdate, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var inserted = await tx.Command(
            "INSERT INTO notebooks (project_id, name, created_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING",
            key.ProjectId, key.DocName).ExecuteNonQueryAsync(ct);
        if (inserted == 0) return false;
        await DeleteHistoryAsync(tx, key, ct); // leftovers of an earlier notebook of the same name
        await tx.Command("INSERT INTO doc_updates (project_id, doc_name, data) VALUES ($1, $2, $3)",
            key.ProjectId, key.DocName, initialUpdate).ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> DeleteAsync(DocumentKey key, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var deleted = await tx.Command("DELETE FROM notebooks WHERE project_id = $1 AND name = $2",
            key.ProjectId, key.DocName).ExecuteNonQueryAsync(ct);
        await DeleteHistoryAsync(tx, key, ct);
        await tx.CommitAsync(ct);
        return deleted > 0;
    }

    private static async Task DeleteHistoryAsync(NpgsqlTransaction tx, DocumentKey key, CancellationToken ct)
    {
        await tx.Command("DELETE FROM doc_updates WHERE project_id = $1 AND doc_name = $2", key.ProjectId, key.DocName).ExecuteNonQueryAsync(ct);
        await tx.Command("DELETE FROM doc_snapshots WHERE project_id = $1 AND doc_name = $2", key.ProjectId, key.DocName).ExecuteNonQueryAsync(ct);
    }
}
