using Collab.Server.Storage;

namespace Collab.Server.Rooms;

/// <summary>One process holds every room, so there is nobody to tell.</summary>
public sealed class SingleNodeRoomBus : IRoomBus
{
    private sealed class NoSubscription : IDisposable
    {
        public void Dispose() { }
    }

    private static readonly NoSubscription None = new();

    public IDisposable Attach(Room room) => None;

    public void PublishUpdates(DocumentKey key, AppendedRange range, IReadOnlyList<byte[]> updates) { }

    public void PublishAwareness(DocumentKey key, byte[] update) { }
}
