using Collab.Server.Storage;

namespace Collab.Server.Rooms;

/// <summary>
/// A room's stored log as the room sees it: appends what is worth storing, counts the entries and
/// bytes since the last snapshot, and decides when the log is folded into a snapshot (in the
/// background by the <see cref="Compactor"/>, also when the room unloads; at once when the server stops). Used only from
/// the room's actor, so it takes no lock; what the compactor reports comes back through the inbox.
/// </summary>
internal sealed class RoomPersistence(
    DocumentKey key,
    IDocumentStore store,
    Compactor compactor,
    RoomOptions options,
    Action<Action> postToRoom,
    ILogger logger)
{
    private static readonly byte[] EmptyUpdate = [0, 0];

    private int _logCount;
    private long _approxBytes;
    private long _snapshotBytes; // of the last snapshot this room loaded or wrote: the log's share is measured against it
    private bool _compacting;

    /// <summary>About how large the document is: its snapshot plus every update logged since.</summary>
    public long ApproxBytes => _approxBytes;

    /// <summary>An update that changes nothing (no structs, no deletions) is acknowledged but not stored.</summary>
    public static bool IsWorthAppending(byte[] update) => !update.AsSpan().SequenceEqual(EmptyUpdate);

    /// <summary>Starts counting from what the room loaded.</summary>
    public void Loaded(StoredDocument stored)
    {
        _logCount = stored.Log.Count;
        _snapshotBytes = stored.Snapshot?.Length ?? 0;
        _approxBytes = _snapshotBytes + stored.Log.Sum(e => (long)e.Update.Length);
    }

    /// <summary>Appends <paramref name="updates"/> to the log in one store transaction and counts them.</summary>
    public async Task<AppendedRange> AppendAsync(List<byte[]> updates)
    {
        var range = await store.AppendAsync(key, updates);
        _logCount += updates.Count;
        foreach (var update in updates) _approxBytes += update.Length;
        return range;
    }

    /// <summary>Counts an entry another node appended (or one read back from the store on a resync).</summary>
    public void CountAppended(byte[] update)
    {
        _logCount++;
        _approxBytes += update.Length;
    }

    /// <summary>A resync read a newer snapshot: the log now holds only the entries after it.</summary>
    public void Resynced(byte[] snapshot, int logEntries)
    {
        _logCount = logEntries;
        _snapshotBytes = snapshot.Length;
    }

    /// <summary>Hands the log to the compactor when folding it is due and no fold is under way.</summary>
    public void MaybeCompact()
    {
        // A fold reads, applies and writes the whole document: with a fixed count alone, a large
        // document under steady typing would be folded every few seconds, each edit paying a share
        // of work that grows with the document (CPU, garbage, snapshot bytes in the shared commit).
        if (_compacting || !options.CompactionDue(_logCount, _approxBytes - _snapshotBytes, _snapshotBytes)) return;
        _compacting = true;
        var (countBefore, bytesBefore) = (_logCount, _approxBytes);
        compactor.Enqueue(FoldJob(outcome => postToRoom(() =>
        {
            _compacting = false;
            // What arrived while the compactor worked still counts on top of what it left.
            if (outcome.LogEntriesLeft is { } left) _logCount = left + Math.Max(0, _logCount - countBefore);
            if (outcome.Written)
            {
                _approxBytes = outcome.SnapshotBytes + Math.Max(0, _approxBytes - bytesBefore);
                _snapshotBytes = outcome.SnapshotBytes;
            }
        })));
    }

    /// <summary>
    /// Before the room unloads. The log is durable and a load replays it after the snapshot, so a
    /// snapshot now would only save the next load some work: worth it once the log holds
    /// <see cref="RoomOptions.CompactAfterUpdates"/> entries, whatever their share. Then the
    /// compactor folds it from the store like any other compaction, one document at a time: when many
    /// rooms unload together they do not all write snapshots at once (on SQLite through the one writer
    /// every other room's edits commit through; on PostgreSQL each on a pooled connection).
    /// </summary>
    public void CompactOnUnload()
    {
        if (_compacting || _logCount < options.CompactAfterUpdates) return;
        compactor.Enqueue(FoldJob(_ => { }));
    }

    // The store may hold fewer entries than the room counted (another replica folded first): below
    // half the threshold the compactor leaves the log as it is.
    private CompactionJob FoldJob(Action<CompactionOutcome> done) => new(key, options.CompactAfterUpdates / 2, done);

    /// <summary>Folds the log into a snapshot now (when the server stops); a failure keeps the log.</summary>
    public async Task FlushAsync(Func<byte[]> encodeState, long head)
    {
        if (_logCount == 0) return;
        try
        {
            var snapshot = encodeState();
            await store.CompactAsync(key, snapshot, head);
            _logCount = 0;
            _snapshotBytes = snapshot.Length;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Flush of {Document} failed; its log is kept", key);
        }
    }
}
