namespace Collab.Server.Storage;

/// <summary>
/// What <see cref="IDocumentStore.FoldAsync"/> did: whether this node held the document's compaction
/// claim, whether it wrote a snapshot (of <see cref="SnapshotBytes"/>), and how many log entries it
/// read (those the snapshot now covers, or those left when nothing was written).
/// </summary>
public sealed record SnapshotFold(bool Claimed, bool Written, long SnapshotBytes, int LogEntries)
{
    /// <summary>Another node is compacting the document: nothing was read.</summary>
    public static readonly SnapshotFold Busy = new(false, false, 0, 0);
}
