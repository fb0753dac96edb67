namespace Collab.Crdt.Protocols;

/// <summary>A decoded sync message: its type (<see cref="SyncProtocol"/> constants) and payload.</summary>
public sealed record SyncMessage(int Type, byte[] Payload);
