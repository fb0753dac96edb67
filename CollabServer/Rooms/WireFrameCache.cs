namespace Collab.Server.Rooms;

/// <summary>
/// Shared by every copy of one broadcast message: the first peer whose transport encodes it for
/// the wire stores the frame here and the room's other peers on that transport send the same
/// bytes instead of encoding it again. Peers may race to fill it; they compute identical frames.
/// </summary>
public sealed class WireFrameCache
{
    public byte[]? Frame { get; set; }
}
