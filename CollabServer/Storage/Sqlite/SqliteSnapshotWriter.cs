using Microsoft.Data.Sqlite;

namespace Collab.Server.Storage.Sqlite;

/// <summary>
/// Stores a snapshot without holding up appends. Every write to the file goes through the one
/// document writer, so a snapshot written in one commit (a 10 MB blob on 1 KB pages, and the 10 MB
/// of log it covers deleted) made every room's appends wait for it, up to a second and more. Here
/// each step is its own write of at most <see cref="PartBytes"/>, which the writer commits alone,
/// between its commits of appends (appends first: <see cref="SqliteDocumentWriter"/>):
/// 1. the parts, in <c>doc_snapshot_parts</c> under a fresh snapshot id, one per commit;
/// 2. the switch, one small commit: <c>doc_snapshots</c> names the new id and seq, if it covers
///    more than the current one and all its parts are there;
/// 3. the covered log entries, then the replaced snapshot's parts, deleted in bounded batches.
/// Loads read the snapshot <c>doc_snapshots</c> names and only the log after its seq, so until the
/// switch they see the old snapshot and its log, and after it the new one, whatever is left of
/// steps 1 and 3. A crash, or a stop between parts (the token, cancelled at shutdown), leaves parts
/// no snapshot names; the next start deletes them.
/// </summary>
internal sealed class SqliteSnapshotWriter(SqliteDocumentWriter writer)
{
    /// <summary>The most snapshot or log bytes one step writes or deletes (bar a single larger log entry).</summary>
    public const int PartBytes = 256 << 10;

    private const int LogEntriesPerBatch = 1024;

    /// <summary>Stores the snapshot and drops the log it covers; false when a newer snapshot is already stored.</summary>
    public async Task<bool> WriteAsync(DocumentKey key, byte[] snapshot, long upToSeq, CancellationToken ct)
    {
        var (id, parts) = await WritePartsAsync(snapshot, ct);
        // A stop after the last part still leaves the old snapshot in force: switching is one more commit.
        ct.ThrowIfCancellationRequested();
        var switched = await writer.WriteAsync(tx => Switch(tx, key, upToSeq, id, parts));
        if (!switched.Done)
        {
            await DeletePartsAsync(id);
            return false;
        }
        while (await writer.WriteAsync(tx => DeleteCoveredLog(tx, key, upToSeq))) { }
        if (switched.Replaced is { } replaced) await DeletePartsAsync(replaced);
        return true;
    }

    /// <summary>Step 1: the new snapshot's id and part count. A stop is honoured between parts, never inside one.</summary>
    private async Task<(long Id, int Parts)> WritePartsAsync(byte[] snapshot, CancellationToken ct)
    {
        var id = Random.Shared.NextInt64(1, long.MaxValue);
        var parts = Math.Max(1, (snapshot.Length + PartBytes - 1) / PartBytes);
        for (var part = 0; part < parts; part++)
        {
            ct.ThrowIfCancellationRequested();
            var start = part * PartBytes;
            var data = snapshot.AsSpan(start, Math.Min(PartBytes, snapshot.Length - start)).ToArray();
            var index = part;
            await writer.WriteAsync(tx => InsertPart(tx, id, index, data));
        }
        return (id, parts);
    }

    private async Task DeletePartsAsync(long id)
    {
        while (await writer.WriteAsync(tx => DeleteFirstPart(tx, id))) { }
    }

    private static bool InsertPart(SqliteTransaction tx, long id, int part, byte[] data)
    {
        using var insert = tx.Command("INSERT INTO doc_snapshot_parts (snapshot_id, part, data) VALUES ($id, $n, $data)",
            ("$id", id), ("$n", part), ("$data", data));
        insert.ExecuteNonQuery();
        return true;
    }

    private static SnapshotSwitch Switch(SqliteTransaction tx, DocumentKey key, long upToSeq, long id, int parts)
    {
        long? replaced = null;
        using (var current = tx.Command("SELECT upto_seq, snapshot_id FROM doc_snapshots WHERE project_id = $p AND doc_name = $d",
            ("$p", key.ProjectId), ("$d", key.DocName)))
        using (var reader = current.ExecuteReader())
        {
            if (reader.Read())
            {
                if (reader.GetInt64(0) >= upToSeq) return new SnapshotSwitch(false, null);
                replaced = reader.GetInt64(1);
            }
        }
        // Parts go missing only if a start's clean-up ran beside this writer: never switch to a torso.
        using (var count = tx.Command("SELECT count(*) FROM doc_snapshot_parts WHERE snapshot_id = $id", ("$id", id)))
        {
            if ((long)count.ExecuteScalar()! != parts) return new SnapshotSwitch(false, null);
        }
        using var upsert = tx.Command("""
            INSERT INTO doc_snapshots (project_id, doc_name, upto_seq, snapshot_id) VALUES ($p, $d, $s, $id)
            ON CONFLICT (project_id, doc_name) DO UPDATE SET upto_seq = excluded.upto_seq, snapshot_id = excluded.snapshot_id
            """, ("$p", key.ProjectId), ("$d", key.DocName), ("$s", upToSeq), ("$id", id));
        upsert.ExecuteNonQuery();
        return new SnapshotSwitch(true, replaced);
    }

    /// <summary>Deletes covered log entries up to about <see cref="PartBytes"/>; true while some are left.</summary>
    private static bool DeleteCoveredLog(SqliteTransaction tx, DocumentKey key, long upToSeq)
    {
        long? cutoff = null;
        long bytes = 0;
        var rows = 0;
        var more = false;
        // length() of a blob comes from the record header: the entries themselves are not read.
        using (var sizes = tx.Command("""
            SELECT seq, length(data) FROM doc_updates WHERE project_id = $p AND doc_name = $d AND seq <= $s ORDER BY seq LIMIT $n
            """, ("$p", key.ProjectId), ("$d", key.DocName), ("$s", upToSeq), ("$n", LogEntriesPerBatch)))
        using (var reader = sizes.ExecuteReader())
        {
            while (reader.Read())
            {
                rows++;
                bytes += reader.GetInt64(1);
                if (cutoff is not null && bytes > PartBytes)
                {
                    more = true;
                    break;
                }
                cutoff = reader.GetInt64(0);
            }
        }
        if (cutoff is null) return false;
        using var delete = tx.Command("DELETE FROM doc_updates WHERE project_id = $p AND doc_name = $d AND seq <= $s",
            ("$p", key.ProjectId), ("$d", key.DocName), ("$s", cutoff.Value));
        delete.ExecuteNonQuery();
        return more || rows == LogEntriesPerBatch;
    }

    /// <summary>Deletes one part of a snapshot; true while some are left.</summary>
    private static bool DeleteFirstPart(SqliteTransaction tx, long id)
    {
        using var delete = tx.Command("""
            DELETE FROM doc_snapshot_parts WHERE snapshot_id = $id
                AND part = (SELECT min(part) FROM doc_snapshot_parts WHERE snapshot_id = $id)
            """, ("$id", id));
        return delete.ExecuteNonQuery() > 0;
    }

    private readonly record struct SnapshotSwitch(bool Done, long? Replaced);
}
