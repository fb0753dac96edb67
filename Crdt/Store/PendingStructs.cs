namespace Collab.Crdt.Store;

/// <summary>Structs waiting for missing clocks: the lowest missing clock per client, and the structs as an update.</summary>
internal sealed record PendingStructs(Dictionary<ulong, int> Missing, byte[] Update);
