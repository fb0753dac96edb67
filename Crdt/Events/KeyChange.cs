namespace Collab.Crdt.Events;

/// <summary>What happened to a map key in a transaction: "add", "update" or "delete", and the value before.</summary>
/// <param name="Action"><c>"add"</c>, <c>"update"</c> or <c>"delete"</c>.</param>
/// <param name="OldValue">The value before the transaction; null after an add.</param>
public sealed record KeyChange(string Action, object? OldValue);
