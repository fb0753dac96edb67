namespace Collab.Server.Rooms;

public enum PeerMessageKind
{
    /// <summary>A Yjs v1 update another client (or the server) made.</summary>
    Update,
    /// <summary>A y-protocols awareness update.</summary>
    Awareness,
    /// <summary>Transport-specific bytes the transport itself queued (e.g. a y-websocket sync reply).</summary>
    Frame,
    /// <summary>
    /// A y-websocket sync step 2 whose payload is the update alone: the transport writes the frame's
    /// few header bytes ahead of it instead of copying a whole document into a frame.
    /// </summary>
    SyncStep2,
    /// <summary>The room closed (document deleted or store failure); <see cref="PeerMessage.Reason"/> says why.</summary>
    Closed,
    /// <summary>The member's role changed (<see cref="RoomPeer.Role"/> holds the new one); <see cref="PeerMessage.Reason"/> says so in words.</summary>
    AccessChanged,
}
