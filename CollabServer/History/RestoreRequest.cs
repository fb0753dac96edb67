namespace Collab.Server.History;

/// <summary>A restore of the whole version, or of the one cell named.</summary>
public sealed record RestoreRequest(string? CellId);
