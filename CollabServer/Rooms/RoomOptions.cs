namespace Collab.Server.Rooms;

/// <summary>Lifecycle of live documents (section <c>Rooms</c>).</summary>
public sealed class RoomOptions
{
    public const string Section = "Rooms";

    /// <summary><c>Rooms:UnloadGraceSeconds</c>: how long an empty room stays loaded.</summary>
    public double UnloadGraceSeconds { get; set; } = 30;

    /// <summary><c>Rooms:CompactAfterUpdates</c>: log entries that trigger folding the log into a snapshot.</summary>
    public int CompactAfterUpdates { get; set; } = 500;

    /// <summary><c>Rooms:PeerQueueCapacity</c>: messages buffered for one slow client before it is dropped.</summary>
    public int PeerQueueCapacity { get; set; } = 10_000;

    /// <summary><c>Rooms:MaxBatch</c>: queued updates persisted together in one store transaction.</summary>
    public int MaxBatch { get; set; } = 256;

    public TimeSpan UnloadGrace => TimeSpan.FromSeconds(UnloadGraceSeconds);
}
