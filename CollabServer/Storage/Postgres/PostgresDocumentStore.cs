using System.Data;
using Npgsql;

namespace Collab.Server.Storage.Postgres;

public sealed class PostgresDocumentStore(NpgsqlDataSource db) : IDocumentStore
{
    /// <summary>
    /// First key of the compaction's two-key advisory lock; appends use 7346003 (PostgresAppendWriter),
    /// the schema lock (PostgresSchemaLock.Key) the one-key form.
    /// </summary>
    internal const int CompactLockClass = 7346002;
    private readonly PostgresAppendWriter _appends = new(db);

    public async Task<StoredDocument> LoadAsync(DocumentKey key, long afterSeq = 0, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        // Repeatable read: snapshot and log come from the same point in time even if a compaction commits.
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var stored = await ReadAsync(tx, key, afterSeq, ct);
        await tx.CommitAsync(ct);
        return stored;
    }

    private static async Task<StoredDocument> ReadAsync(NpgsqlTransaction tx, DocumentKey key, long afterSeq, CancellationToken ct)
    {
        byte[]? snapshot = null;
        long snapshotSeq = 0;
        await using (var reader = await tx.Command(
            "SELECT upto_seq, CASE WHEN upto_seq > $3 THEN data END FROM doc_snapshots WHERE project_id = $1 AND doc_name = $2",
            key.ProjectId, key.DocName, afterSeq).ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                snapshotSeq = reader.GetInt64(0);
                if (!reader.IsDBNull(1)) snapshot = (byte[])reader[1];
            }
        }
        var log = new List<LogEntry>();
        await using (var reader = await tx.Command(
            "SELECT seq, data FROM doc_updates WHERE project_id = $1 AND doc_name = $2 AND seq > $3 ORDER BY seq",
            key.ProjectId, key.DocName, Math.Max(snapshotSeq, afterSeq)).ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) log.Add(new LogEntry(reader.GetInt64(0), (byte[])reader[1]));
        }
        return snapshot is null && log.Count == 0 ? StoredDocument.Empty : new StoredDocument(snapshot, snapshotSeq, log);
    }

    /// <summary>
    /// Durable when the task completes; the round trip is shared with this node's other appends
    /// (group commit), so once queued an append is not cancelled by <paramref name="ct"/>.
    /// </summary>
    public Task<AppendedRange> AppendAsync(DocumentKey key, IReadOnlyList<byte[]> updates, CancellationToken ct = default)
    {
        if (updates.Count == 0) throw new ArgumentException("Nothing to append.", nameof(updates));
        return _appends.AppendAsync(key, updates);
    }

    public async Task<bool> CompactAsync(DocumentKey key, byte[] snapshot, long upToSeq, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await TryClaimAsync(tx, key, ct)) return false;
        var written = await WriteSnapshotAsync(tx, key, snapshot, upToSeq, ct);
        await tx.CommitAsync(ct);
        return written;
    }

    /// <summary>
    /// The claim comes before the read, so of the replicas whose rooms ask at the same moment one
    /// reads and folds the document and the others leave after one round trip. The fold runs
    /// with the transaction open: it holds a connection, and the claim, for that long.
    /// </summary>
    public async Task<SnapshotFold> FoldAsync(DocumentKey key, Func<StoredDocument, byte[]?> fold, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        // Read committed, unlike LoadAsync: each read sees what committed before it, so a compaction
        // that released the claim just before this one took it is seen. With the claim held no
        // other compaction can commit between the two reads; appends are past the snapshot either way.
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await TryClaimAsync(tx, key, ct)) return SnapshotFold.Busy;
        var stored = await ReadAsync(tx, key, 0, ct);
        if (stored.Log.Count == 0 || fold(stored) is not { } snapshot)
        {
            await tx.CommitAsync(ct);
            return new SnapshotFold(true, false, 0, stored.Log.Count);
        }
        var written = await WriteSnapshotAsync(tx, key, snapshot, stored.Log[^1].Seq, ct);
        await tx.CommitAsync(ct);
        return new SnapshotFold(true, written, written ? snapshot.Length : 0, stored.Log.Count);
    }

    /// <summary>
    /// Only one node compacts a document at a time. The lock is transaction-scoped, so a node
    /// that dies mid-compaction releases it when its connection goes.
    /// </summary>
    private static async Task<bool> TryClaimAsync(NpgsqlTransaction tx, DocumentKey key, CancellationToken ct) =>
        (bool)(await tx.Command("SELECT pg_try_advisory_xact_lock($1, hashtext($2 || '/' || $3))",
            CompactLockClass, key.ProjectId, key.DocName).ExecuteScalarAsync(ct))!;

    private static async Task<bool> WriteSnapshotAsync(NpgsqlTransaction tx, DocumentKey key, byte[] snapshot, long upToSeq, CancellationToken ct)
    {
        var written = await tx.Command("""
            INSERT INTO doc_snapshots (project_id, doc_name, upto_seq, data) VALUES ($1, $2, $3, $4)
            ON CONFLICT (project_id, doc_name) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data
            WHERE excluded.upto_seq > doc_snapshots.upto_seq
            """, key.ProjectId, key.DocName, upToSeq, snapshot).ExecuteNonQueryAsync(ct);
        if (written > 0)
        {
            await tx.Command("DELETE FROM doc_updates WHERE project_id = $1 AND doc_name = $2 AND seq <= $3",
                key.ProjectId, key.DocName, upToSeq).ExecuteNonQueryAsync(ct);
        }
        return written > 0;
    }
}
