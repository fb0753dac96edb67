namespace Collab.Server.Storage.Sqlite;

public sealed class SqliteDocumentStore(SqliteDatabase db) : IDocumentStore
{
    private readonly SqliteDocumentWriter _writer = new(db);

    public async Task<StoredDocument> LoadAsync(DocumentKey key, long afterSeq = 0, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        // One read transaction, so a compaction committing in between cannot hide entries.
        await using var tx = connection.BeginTransaction(deferred: true);
        byte[]? snapshot = null;
        long snapshotSeq = 0;
        await using (var reader = await tx.Command(
            "SELECT upto_seq, CASE WHEN upto_seq > $a THEN data END FROM doc_snapshots WHERE project_id = $p AND doc_name = $d",
            ("$p", key.ProjectId), ("$d", key.DocName), ("$a", afterSeq)).ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                snapshotSeq = reader.GetInt64(0);
                if (!reader.IsDBNull(1)) snapshot = (byte[])reader[1];
            }
        }
        var log = new List<LogEntry>();
        await using (var reader = await tx.Command(
            "SELECT seq, data FROM doc_updates WHERE project_id = $p AND doc_name = $d AND seq > $s ORDER BY seq",
            ("$p", key.ProjectId), ("$d", key.DocName), ("$s", Math.Max(snapshotSeq, afterSeq))).ExecuteReaderAsync(ct))
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
        return _writer.AppendAsync(key, updates);
    }

    /// <summary>Through the same writer as appends, so compaction never makes an append wait for the lock.</summary>
    public Task<bool> CompactAsync(DocumentKey key, byte[] snapshot, long upToSeq, CancellationToken ct = default) =>
        _writer.CompactAsync(key, snapshot, upToSeq);

    /// <summary>One node owns a SQLite file, so the claim is always this node's.</summary>
    public async Task<SnapshotFold> FoldAsync(DocumentKey key, Func<StoredDocument, byte[]?> fold, CancellationToken ct = default)
    {
        var stored = await LoadAsync(key, ct: ct);
        if (stored.Log.Count == 0 || fold(stored) is not { } snapshot) return new SnapshotFold(true, false, 0, stored.Log.Count);
        var written = await _writer.CompactAsync(key, snapshot, stored.Log[^1].Seq);
        return new SnapshotFold(true, written, written ? snapshot.Length : 0, stored.Log.Count);
    }
}
