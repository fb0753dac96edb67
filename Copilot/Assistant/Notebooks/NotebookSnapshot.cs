namespace Collab.Copilot.Assistant.Notebooks;

/// <summary>A read-only copy of a notebook's cells and outputs at one moment.</summary>
/// <param name="Name">The notebook's name in the project.</param>
/// <param name="Cells">Its cells in order.</param>
public sealed record NotebookSnapshot(string Name, IReadOnlyList<NotebookCellSnapshot> Cells);
