using Collab.Server.Storage;

namespace Collab.Server.Rooms;

/// <summary>
/// Carries a room's persisted updates and its awareness to the other nodes that hold the same
/// room, and theirs to it. Single-node deployments use <see cref="SingleNodeRoomBus"/>.
/// </summary>
public interface IRoomBus
{
    /// <summary>Starts handing other nodes' messages for the room to it; disposing stops that.</summary>
    IDisposable Attach(Room room);

    /// <summary>Announces updates already durable in the store at <paramref name="range"/>. Never blocks.</summary>
    void PublishUpdates(DocumentKey key, AppendedRange range, IReadOnlyList<byte[]> updates);

    /// <summary>Announces a y-protocols awareness update (ephemeral; never stored). Never blocks.</summary>
    void PublishAwareness(DocumentKey key, byte[] update);
}
