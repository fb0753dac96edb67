namespace Collab.Server.Rooms;

/// <summary>
/// What a room (or a transport) queues for one client. <see cref="CloseCode"/> lets a transport
/// with close codes (WebSocket) say why a <see cref="PeerMessageKind.Closed"/> happened.
/// </summary>
public readonly record struct PeerMessage(PeerMessageKind Kind, byte[] Payload, string? Reason = null, int CloseCode = 0);
