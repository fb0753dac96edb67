using Microsoft.Data.Sqlite;

namespace Collab.Server.Storage.Sqlite;

public sealed class SqliteDocumentStore : IDocumentStore
{
    private readonly SqliteDatabase _db;
    private readonly SqliteDocumentWriter _writer;
    /// <summary>Writes snapshots in parts through the same writer as appends.</summary>
    private readonly SqliteSnapshotWriter _snapshots;

    public SqliteDocumentStore(SqliteDatabase db)
    {
        _db = db;
        _writer = new SqliteDocumentWriter(db);
        _snapshots = new SqliteSnapshotWriter(_writer);
    }

    /// <summary>Appends that waited for a snapshot step (see <see cref="SqliteDocumentWriter"/>): for the metrics.</summary>
    public long AppendsBehindSnapshots => _writer.AppendsBehindSteps;

    public async Task<StoredDocument> LoadAsync(DocumentKey key, long afterSeq = 0, CancellationToken ct = default)
    {
        await using var connection = await _db.OpenAsync(ct);
        // One read transaction, so a compaction committing in between cannot hide entries.
        await using var tx = connection.BeginTransaction(deferred: true);
        byte[]? snapshot = null;
        long snapshotSeq = 0;
        long? snapshotId = null;
        await using (var reader = await tx.Command(
            "SELECT upto_seq, snapshot_id FROM doc_snapshots WHERE project_id = $p AND doc_name = $d",
            ("$p", key.ProjectId), ("$d", key.DocName)).ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                snapshotSeq = reader.GetInt64(0);
                snapshotId = reader.GetInt64(1);
            }
        }
        if (snapshotId is { } id && snapshotSeq > afterSeq) snapshot = await ReadSnapshotAsync(tx, id, ct);
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

    /// <summary>The parts straight into one array of the snapshot's size: no part-sized garbage.</summary>
    private static async Task<byte[]> ReadSnapshotAsync(SqliteTransaction tx, long id, CancellationToken ct)
    {
        var length = (long)(await tx.Command("SELECT COALESCE(sum(length(data)), 0) FROM doc_snapshot_parts WHERE snapshot_id = $id",
            ("$id", id)).ExecuteScalarAsync(ct))!;
        var snapshot = new byte[length];
        long offset = 0;
        await using var reader = await tx.Command("SELECT data FROM doc_snapshot_parts WHERE snapshot_id = $id ORDER BY part",
            ("$id", id)).ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            offset += reader.GetBytes(0, 0, snapshot, (int)offset, snapshot.Length - (int)offset);
        }
        return snapshot;
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

    /// <summary>In bounded parts through the same writer as appends, so appends go on between them.</summary>
    public Task<bool> CompactAsync(DocumentKey key, byte[] snapshot, long upToSeq, CancellationToken ct = default) =>
        _snapshots.WriteAsync(key, snapshot, upToSeq, ct);

    /// <summary>One node owns a SQLite file, so the claim is always this node's.</summary>
    public async Task<SnapshotFold> FoldAsync(DocumentKey key, Func<StoredDocument, byte[]?> fold, CancellationToken ct = default)
    {
        var stored = await LoadAsync(key, ct: ct);
        if (stored.Log.Count == 0 || fold(stored) is not { } snapshot) return new SnapshotFold(true, false, 0, stored.Log.Count);
        var written = await _snapshots.WriteAsync(key, snapshot, stored.Log[^1].Seq, ct);
        return new SnapshotFold(true, written, written ? snapshot.Length : 0, stored.Log.Count);
    }
}
