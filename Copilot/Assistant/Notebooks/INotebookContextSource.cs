namespace Collab.Copilot.Assistant.Notebooks;

/// <summary>
/// Reads the asker's current notebook for context. Implemented by the server over the live room;
/// it only reads — the copilot never writes a notebook.
/// </summary>
public interface INotebookContextSource
{
    /// <summary>The notebook's cells and outputs, or null when it does not exist.</summary>
    Task<NotebookSnapshot?> GetNotebookAsync(string projectId, string docName, CancellationToken cancellationToken = default);
}
