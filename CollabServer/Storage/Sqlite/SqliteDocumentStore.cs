namespace Collab.Server.Storage.Sqlite;

public sealed class SqliteDocumentStore(SqliteDatabase db) : IDocumentStore
{
    private readonly SqliteAppendWriter _appends = new(db);

    public async Task<StoredDocument> LoadAsync(DocumentKey key, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        // One read transaction, so a compaction committing in between cannot hide entries.
        await using var tx = connection.BeginTransaction(deferred: true);
        byte[]? snapshot = null;
        long snapshotSeq = 0;
        await using (var reader = await tx.Command(
            "SELECT upto_seq, data FROM doc_snapshots WHERE project_id = $p AND doc_name = $d",
            ("$p", key.ProjectId), ("$d", key.DocName)).ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                snapshotSeq = reader.GetInt64(0);
                snapshot = (byte[])reader[1];
            }
        }
        var log = new List<LogEntry>();
        await using (var reader = await tx.Command(
            "SELECT seq, data FROM doc_updates WHERE project_id = $p AND doc_name = $d AND seq > $s ORDER BY seq",
            ("$p", key.ProjectId), ("$d", key.DocName), ("$s", snapshotSeq)).ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) log.Add(new LogEntry(reader.GetInt64(0), (byte[])reader[1]));
        }
        await tx.CommitAsync(ct);
        return snapshot is null && log.Count == 0 ? StoredDocument.Empty : new StoredDocument(snapshot, snapshotSeq, log);
    }

    /// <summary>
    /// Durable when the task completes; the commit is shared with other documents' appends (group
    /// commit), so once queued an append is not cancelled by <paramref name="ct"/>.
    /// </summary>
    public Task<AppendedRange> AppendAsync(DocumentKey key, IReadOnlyList<byte[]> updates, CancellationToken ct = default)
    {
        if (updates.Count == 0) throw new ArgumentException("Nothing to append.", nameof(updates));
        return _appends.AppendAsync(key, updates);
    }

    public async Task<bool> CompactAsync(DocumentKey key, byte[] snapshot, long upToSeq, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        var written = await tx.Command("""
            INSERT INTO doc_snapshots (project_id, doc_name, upto_seq, data) VALUES ($p, $d, $s, $data)
            ON CONFLICT (project_id, doc_name) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data
            WHERE excluded.upto_seq > doc_snapshots.upto_seq
            """, ("$p", key.ProjectId), ("$d", key.DocName), ("$s", upToSeq), ("$data", snapshot)).ExecuteNonQueryAsync(ct);
        if (written > 0)
        {
            await tx.Command("DELETE FROM doc_updates WHERE project_id = $p AND doc_name = $d AND seq <= $s",
                ("$p", key.ProjectId), ("$d", key.DocName), ("$s", upToSeq)).ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return written > 0;
    }
}
