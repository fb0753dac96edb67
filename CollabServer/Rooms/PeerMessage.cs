namespace Collab.Server.Rooms;

/// <summary>
/// What a room (or a transport) queues for one client. <see cref="CloseCode"/> lets a transport
/// with close codes (WebSocket) say why a <see cref="PeerMessageKind.Closed"/> happened;
/// <see cref="Encoded"/> is set on broadcasts so the encoded frame is built once for all peers.
/// </summary>
public readonly record struct PeerMessage(PeerMessageKind Kind, byte[] Payload, string? Reason = null, int CloseCode = 0,
    WireFrameCache? Encoded = null);
