namespace Collab.Server.Execution;

/// <summary>A cell waiting to run, with its source as it was when the run was asked for.</summary>
public sealed record QueuedCell(string CellId, string Code);
