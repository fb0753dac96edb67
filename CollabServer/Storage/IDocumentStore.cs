namespace Collab.Server.Storage;

/// <summary>The durable history of each document: an update log folded into snapshots.</summary>
public interface IDocumentStore
{
    /// <summary>
    /// Snapshot plus every log entry newer than it; <see cref="StoredDocument.Empty"/> if none.
    /// With <paramref name="afterSeq"/>, only what a replica holding everything up to that seq
    /// lacks: the snapshot only if it covers more, and the log entries after both.
    /// </summary>
    Task<StoredDocument> LoadAsync(DocumentKey key, long afterSeq = 0, CancellationToken ct = default);

    /// <summary>
    /// Appends the updates in order, in one transaction, and returns where they landed (the
    /// document's previous head and the seq of the last one). When this returns the updates are durable.
    /// </summary>
    Task<AppendedRange> AppendAsync(DocumentKey key, IReadOnlyList<byte[]> updates, CancellationToken ct = default);

    /// <summary>
    /// Atomically replaces the snapshot with <paramref name="snapshot"/>, which covers every log
    /// entry with seq ≤ <paramref name="upToSeq"/>, and deletes those entries. Entries written
    /// after <paramref name="upToSeq"/> are kept. An older snapshot never replaces a newer one.
    /// Returns false when nothing was written: a newer snapshot exists, or another node is
    /// compacting the same document right now.
    /// </summary>
    Task<bool> CompactAsync(DocumentKey key, byte[] snapshot, long upToSeq, CancellationToken ct = default);

    /// <summary>
    /// Folds the stored log into a snapshot under the document's compaction claim. The claim is
    /// taken first: when another node holds it the call returns <see cref="SnapshotFold.Busy"/>
    /// at once, having read and folded nothing. Otherwise it loads the snapshot and log, asks
    /// <paramref name="fold"/> for the snapshot covering them (null: not worth writing) and stores
    /// it as <see cref="CompactAsync"/> does; appends made meanwhile are kept.
    /// </summary>
    Task<SnapshotFold> FoldAsync(DocumentKey key, Func<StoredDocument, byte[]?> fold, CancellationToken ct = default);
}
