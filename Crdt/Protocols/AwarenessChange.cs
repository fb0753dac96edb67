namespace Collab.Crdt.Protocols;

/// <summary>Clients whose awareness state was added, updated or removed, and who caused it.</summary>
public sealed record AwarenessChange(IReadOnlyList<ulong> Added, IReadOnlyList<ulong> Updated, IReadOnlyList<ulong> Removed, object? Origin);
