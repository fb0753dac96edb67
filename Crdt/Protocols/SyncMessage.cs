namespace Collab.Crdt.Protocols;

/// <summary>A decoded sync message: its type (<see cref="SyncProtocol"/> constants) and payload.</summary>
/// <param name="Type">The message type: <see cref="SyncProtocol.MessageYjsSyncStep1"/>, <see cref="SyncProtocol.MessageYjsSyncStep2"/> or <see cref="SyncProtocol.MessageYjsUpdate"/>.</param>
/// <param name="Payload">A state vector for step 1, a v1 update otherwise.</param>
public sealed record SyncMessage(int Type, byte[] Payload);
