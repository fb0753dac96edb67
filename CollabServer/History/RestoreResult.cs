namespace Collab.Server.History;

/// <summary>What a restore kept: the notebook just before it, and right after.</summary>
public sealed record RestoreResult(NotebookVersion Before, NotebookVersion Restored);
