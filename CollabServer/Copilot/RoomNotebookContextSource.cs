using Collab.Copilot.Assistant.Notebooks;
using Collab.Server.Notebooks;
using Collab.Server.Storage;

namespace Collab.Server.Copilot;

/// <summary>
/// The copilot's read-only view of a notebook: the live room's Doc exported as nbformat inside
/// the room's own loop (so it is a consistent snapshot), never an edit.
/// </summary>
internal sealed class RoomNotebookContextSource(NotebookService notebookExport, INotebookStore notebooks) : INotebookContextSource
{
    public async Task<NotebookSnapshot?> GetNotebookAsync(string projectId, string docName, CancellationToken cancellationToken = default)
    {
        var key = new DocumentKey(projectId, docName);
        // Checked first so a mistyped name never loads (or creates) a room.
        if (!await notebooks.ExistsAsync(key, cancellationToken)) return null;
        var ipynb = await notebookExport.ExportAsync(key);
        return NbformatReader.Read(docName, ipynb);
    }
}
