using Collab.Crdt.Encoding;

namespace Collab.Server.Rooms;

/// <summary>
/// What a room (or a transport) queues for one client. <see cref="CloseCode"/> lets a transport
/// with close codes (WebSocket) say why a <see cref="PeerMessageKind.Closed"/> happened;
/// <see cref="Encoded"/> is set on broadcasts so the encoded frame is built once for all peers.
/// <see cref="Parts"/>, when set, is the payload in chunks instead of <see cref="Payload"/> (a sync
/// step 2 sent in parts); the transport disposes it once sent.
/// </summary>
public readonly record struct PeerMessage(PeerMessageKind Kind, byte[] Payload, string? Reason = null, int CloseCode = 0,
    WireFrameCache? Encoded = null, EncodedParts? Parts = null)
{
    /// <summary>Bytes the message holds while queued: what counts against the connection's queue bound.</summary>
    public long Size => Parts?.Length ?? Payload.Length;
}
