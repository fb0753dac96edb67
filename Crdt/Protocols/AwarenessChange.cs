namespace Collab.Crdt.Protocols;

/// <summary>Clients whose awareness state was added, updated or removed, and who caused it.</summary>
/// <param name="Added">Clients that got a state.</param>
/// <param name="Updated">Clients whose state was set again (for <see cref="Awareness.Changed"/>, only those whose content differs).</param>
/// <param name="Removed">Clients that left or timed out.</param>
/// <param name="Origin">Who applied the change: <c>"local"</c>, <c>"timeout"</c> or what the caller passed when applying a remote update.</param>
public sealed record AwarenessChange(IReadOnlyList<ulong> Added, IReadOnlyList<ulong> Updated, IReadOnlyList<ulong> Removed, object? Origin);
