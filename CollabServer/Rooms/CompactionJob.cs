using Collab.Server.Storage;

namespace Collab.Server.Rooms;

/// <summary>
/// A room's request to fold its document's stored log into a snapshot, worth doing once the store
/// holds at least <see cref="MinEntries"/> log entries; <see cref="Done"/> reports the outcome.
/// </summary>
public sealed record CompactionJob(DocumentKey Key, int MinEntries, Action<CompactionOutcome> Done);

/// <summary>
/// What a compaction left: whether it wrote a snapshot (and its size), and how many log entries
/// the store still holds as far as the room need count them (null: unknown, it failed).
/// </summary>
public sealed record CompactionOutcome(bool Written, long SnapshotBytes, int? LogEntriesLeft)
{
    public static readonly CompactionOutcome Failed = new(false, 0, null);
}
