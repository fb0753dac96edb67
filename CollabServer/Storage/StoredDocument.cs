namespace Collab.Server.Storage;

/// <summary>
/// What the store holds for one document: the latest snapshot (covering log entries up to
/// <see cref="SnapshotSeq"/>) and the log entries written after it, in sequence order.
/// </summary>
public sealed record StoredDocument(byte[]? Snapshot, long SnapshotSeq, IReadOnlyList<LogEntry> Log)
{
    public static readonly StoredDocument Empty = new(null, 0, []);
}
