namespace Collab.Server.Rooms;

/// <summary>Lifecycle of live documents (section <c>Rooms</c>).</summary>
public sealed class RoomOptions
{
    public const string Section = "Rooms";

    /// <summary><c>Rooms:UnloadGraceSeconds</c>: how long an empty room stays loaded.</summary>
    public double UnloadGraceSeconds { get; set; } = 30;

    /// <summary><c>Rooms:CompactAfterUpdates</c>: log entries that trigger folding the log into a snapshot.</summary>
    public int CompactAfterUpdates { get; set; } = 500;

    /// <summary>
    /// <c>Rooms:CompactLogShare</c>: besides <see cref="CompactAfterUpdates"/> entries, the log must hold
    /// this share of the snapshot's bytes before it is folded. A fold costs about the whole document,
    /// so the work per stored byte then stays the same however large the document grows.
    /// </summary>
    public double CompactLogShare { get; set; } = 0.25;

    /// <summary><c>Rooms:CompactMaxLogEntries</c>: the log is folded at this many entries whatever its share, so a join never replays more.</summary>
    public int CompactMaxLogEntries { get; set; } = 10_000;

    /// <summary><c>Rooms:PeerQueueCapacity</c>: messages buffered for one slow client before it is dropped.</summary>
    public int PeerQueueCapacity { get; set; } = 10_000;

    /// <summary><c>Rooms:MaxBatch</c>: queued updates persisted together in one store transaction.</summary>
    public int MaxBatch { get; set; } = 256;

    public TimeSpan UnloadGrace => TimeSpan.FromSeconds(UnloadGraceSeconds);

    /// <summary>Whether a log of <paramref name="logEntries"/> entries and <paramref name="logBytes"/> bytes over a snapshot of <paramref name="snapshotBytes"/> is worth folding now.</summary>
    public bool CompactionDue(int logEntries, long logBytes, long snapshotBytes) =>
        logEntries >= CompactAfterUpdates && (logEntries >= CompactMaxLogEntries || logBytes >= snapshotBytes * CompactLogShare);
}
