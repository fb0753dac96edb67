using System.Text.Json.Nodes;
using Collab.Crdt;
using Collab.Crdt.Jupyter;
using Collab.Server.Rooms;
using Collab.Server.Storage;

namespace Collab.Server.Notebooks;

/// <summary>
/// Notebook lifecycle. Content changes of an existing notebook go through its live room, the
/// same path a client's edit takes, so connected clients see imports at once.
/// </summary>
public sealed class NotebookService(INotebookStore notebooks, RoomManager rooms)
{
    private static readonly JsonObject EmptyNotebook = new()
    {
        ["metadata"] = new JsonObject(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
        ["cells"] = new JsonArray(),
    };

    public Task<IReadOnlyList<NotebookInfo>> ListAsync(string projectId, CancellationToken ct) => notebooks.ListAsync(projectId, ct);

    /// <summary>Creates the notebook from <paramref name="ipynb"/> (or empty); false if the name is taken.</summary>
    public Task<bool> CreateAsync(DocumentKey key, JsonObject? ipynb, CancellationToken ct)
    {
        var doc = new Doc();
        NotebookModel.Load(doc, ipynb ?? EmptyNotebook);
        return notebooks.CreateAsync(key, doc.EncodeStateAsUpdate(), ct);
    }

    public async Task<bool> DeleteAsync(DocumentKey key, CancellationToken ct)
    {
        var deleted = await notebooks.DeleteAsync(key, ct);
        await rooms.EvictAsync(key, "notebook deleted");
        return deleted;
    }

    /// <summary>Replaces the live notebook's content with <paramref name="ipynb"/>.</summary>
    public Task ImportAsync(DocumentKey key, JsonObject ipynb) =>
        rooms.RunAsync(key, room => room.EditAsync(doc => NotebookModel.Load(doc, ipynb)));

    /// <summary>The live notebook as nbformat 4.5 (cell ids included).</summary>
    public Task<JsonObject> ExportAsync(DocumentKey key) =>
        rooms.RunAsync(key, room => room.ReadAsync(NotebookModel.ToNbformat));
}
