using System.Text.Json.Nodes;
using Collab.Crdt;
using Collab.Crdt.Jupyter;
using Collab.Server.Limits;
using Collab.Server.Rooms;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Server.Notebooks;

/// <summary>
/// Notebook lifecycle. Content changes of an existing notebook go through its live room, the
/// same path a client's edit takes, so connected clients see imports at once. Notebooks made from
/// .ipynb are held to <see cref="NotebookOptions"/> and <c>Limits:MaxDocumentBytes</c>.
/// </summary>
public sealed class NotebookService(
    INotebookStore notebooks, RoomManager rooms, IOptions<NotebookOptions> options, IOptions<LimitOptions> limits,
    ILogger<NotebookService> logger)
{
    private static readonly JsonObject EmptyNotebook = new()
    {
        ["metadata"] = new JsonObject(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
        ["cells"] = new JsonArray(),
    };

    /// <summary>
    /// Raised (and awaited) after a notebook was deleted, renamed away included, so what lives for
    /// it elsewhere (its kernel) goes too. Handlers must not throw.
    /// </summary>
    public event Func<DocumentKey, Task>? Deleted;

    public Task<IReadOnlyList<NotebookInfo>> ListAsync(string projectId, CancellationToken ct) => notebooks.ListAsync(projectId, ct);

    /// <summary>
    /// Creates the notebook from <paramref name="ipynb"/> (or empty); false if the name is taken.
    /// Throws <see cref="LimitExceededException"/> for a notebook over the limits.
    /// </summary>
    public Task<bool> CreateAsync(DocumentKey key, JsonObject? ipynb, CancellationToken ct)
    {
        var doc = new Doc();
        if (ipynb is not null) NotebookParts.Check(ipynb, options.Value);
        NotebookModel.Load(doc, ipynb ?? EmptyNotebook);
        var state = doc.EncodeStateAsUpdate();
        var max = limits.Value.MaxDocumentBytes;
        if (state.Length > max) throw new LimitExceededException($"The notebook is over Limits:MaxDocumentBytes ({max} bytes).");
        return notebooks.CreateAsync(key, state, ct);
    }

    public async Task<bool> DeleteAsync(DocumentKey key, CancellationToken ct)
    {
        var deleted = await notebooks.DeleteAsync(key, ct);
        await rooms.EvictAsync(key, "notebook deleted");
        if (deleted && Deleted is { } handlers)
            foreach (var handler in handlers.GetInvocationList().Cast<Func<DocumentKey, Task>>()) await handler(key);
        return deleted;
    }

    /// <summary>
    /// Renames through the store's own create and delete, so every backend can: the live document's
    /// Yjs state (history, cell ids, outputs) is stored under the new name, then the old one is
    /// deleted, which closes its room; its clients are told the notebook is gone and open the new name.
    /// </summary>
    public async Task<NotebookRenameResult> RenameAsync(DocumentKey from, DocumentKey to, CancellationToken ct)
    {
        if (!await notebooks.ExistsAsync(from, ct)) return NotebookRenameResult.NotFound;
        if (await notebooks.ExistsAsync(to, ct)) return NotebookRenameResult.NameTaken;
        var state = await rooms.RunAsync(from, room => room.ReadAsync(doc => doc.EncodeStateAsUpdate()));
        if (!await notebooks.CreateAsync(to, state, ct)) return NotebookRenameResult.NameTaken;
        await DeleteAsync(from, ct);
        return NotebookRenameResult.Renamed;
    }

    /// <summary>
    /// Replaces the live notebook's content with <paramref name="ipynb"/>. The change is built on a
    /// copy of the document, off the room, and reaches the room in steps no larger than a client's
    /// update, so others keep editing meanwhile; edits made in between are merged as any concurrent
    /// edit is (a cell added meanwhile survives). Throws <see cref="LimitExceededException"/> or
    /// <see cref="UpdateRejectedException"/> (over <c>Limits:MaxDocumentBytes</c>) with the notebook unchanged.
    /// </summary>
    public async Task ImportAsync(DocumentKey key, JsonObject ipynb)
    {
        NotebookParts.Check(ipynb, options.Value);
        var state = await rooms.RunAsync(key, room => room.ReadAsync(doc => doc.EncodeStateAsUpdate()));
        var steps = NotebookImportSteps.Build(state, ipynb, limits.Value.MaxMessageBytes);
        await rooms.RunAsync(key, room => room.ApplyInStepsAsync(steps));
    }

    /// <summary>The live notebook as nbformat 4.5 (cell ids included).</summary>
    public async Task<JsonObject> ExportAsync(DocumentKey key) => (await ExportWithStateAsync(key, withState: false)).Ipynb;

    /// <summary>
    /// The live notebook as nbformat 4.5 and, when <paramref name="withState"/>, its Yjs state, read
    /// together. Cells that are valid Yjs but not notebook cells are left out with a warning, so one
    /// bad cell can't fail the notebook's export, the project's backup or the copilot's context.
    /// </summary>
    public async Task<(JsonObject Ipynb, byte[]? State)> ExportWithStateAsync(DocumentKey key, bool withState)
    {
        var skipped = new List<string>();
        var (ipynb, state) = await rooms.RunAsync(key, room => room.ReadAsync(doc =>
            (NotebookModel.ToNbformat(doc, skipped), withState ? doc.EncodeStateAsUpdate() : null)));
        if (skipped.Count > 0)
            logger.LogWarning("Export of {Document} left out what is not a notebook cell: {Skipped}", key, string.Join("; ", skipped.Take(10)));
        return (ipynb, state);
    }
}
