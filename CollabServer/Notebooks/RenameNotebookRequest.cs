namespace Collab.Server.Notebooks;

/// <summary>The new name of a notebook (e.g. <c>final.ipynb</c>).</summary>
public sealed record RenameNotebookRequest(string Name);
