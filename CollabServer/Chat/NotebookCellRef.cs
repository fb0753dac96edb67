namespace Collab.Server.Chat;

/// <summary>Points a message at one cell: the notebook's name in the project and the cell's id.</summary>
public sealed record NotebookCellRef(string Notebook, string CellId);
