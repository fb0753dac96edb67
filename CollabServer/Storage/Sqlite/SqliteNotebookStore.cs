using Collab.Server.Notebooks;
using Microsoft.Data.Sqlite;

namespace Collab.Server.Storage.Sqlite;

public sealed class SqliteNotebookStore(SqliteDatabase db) : INotebookStore
{
    public async Task<IReadOnlyList<NotebookInfo>> ListAsync(string projectId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var reader = await connection.Command(
            "SELECT name, created_at FROM notebooks WHERE project_id = $p ORDER BY name", ("$p", projectId)).ExecuteReaderAsync(ct);
        var list = new List<NotebookInfo>();
        while (await reader.ReadAsync(ct)) list.Add(new NotebookInfo(reader.GetString(0), reader.ReadTime(1)));
        return list;
    }

    public async Task<bool> ExistsAsync(DocumentKey key, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command("SELECT 1 FROM notebooks WHERE project_id = $p AND name = $d",
            ("$p", key.ProjectId), ("$d", key.DocName)).ExecuteScalarAsync(ct) is not null;
    }

    public async Task<bool> CreateAsync(DocumentKey key, byte[] initialUpdate, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        var inserted = await tx.Command(
            "INSERT INTO notebooks (project_id, name, created_at) VALUES ($p, $d, $t) ON CONFLICT DO NOTHING",
            ("$p", key.ProjectId), ("$d", key.DocName), ("$t", SqliteCommands.Now())).ExecuteNonQueryAsync(ct);
        if (inserted == 0) return false;
        await DeleteHistoryAsync(tx, key, ct); // leftovers of an earlier notebook of the same name
        await tx.Command("INSERT INTO doc_updates (project_id, doc_name, seq, data) VALUES ($p, $d, 1, $u)",
            ("$p", key.ProjectId), ("$d", key.DocName), ("$u", initialUpdate)).ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        db.LogsRemoved(); // an earlier notebook's log may be gone, and this one starts at seq 1
        return true;
    }

    public async Task<bool> DeleteAsync(DocumentKey key, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        var deleted = await tx.Command("DELETE FROM notebooks WHERE project_id = $p AND name = $d",
            ("$p", key.ProjectId), ("$d", key.DocName)).ExecuteNonQueryAsync(ct);
        await DeleteHistoryAsync(tx, key, ct);
        await tx.CommitAsync(ct);
        db.LogsRemoved();
        return deleted > 0;
    }

    private static async Task DeleteHistoryAsync(SqliteTransaction tx, DocumentKey key, CancellationToken ct)
    {
        await tx.Command("DELETE FROM doc_updates WHERE project_id = $p AND doc_name = $d",
            ("$p", key.ProjectId), ("$d", key.DocName)).ExecuteNonQueryAsync(ct);
        await tx.Command("""
            DELETE FROM doc_snapshot_parts WHERE snapshot_id IN
                (SELECT snapshot_id FROM doc_snapshots WHERE project_id = $p AND doc_name = $d)
            """, ("$p", key.ProjectId), ("$d", key.DocName)).ExecuteNonQueryAsync(ct);
        await tx.Command("DELETE FROM doc_snapshots WHERE project_id = $p AND doc_name = $d",
            ("$p", key.ProjectId), ("$d", key.DocName)).ExecuteNonQueryAsync(ct);
    }
}
