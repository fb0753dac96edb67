namespace Collab.Crdt.Events;

/// <summary>What happened to a map key in a transaction: "add", "update" or "delete", and the value before.</summary>
public sealed record KeyChange(string Action, object? OldValue);
