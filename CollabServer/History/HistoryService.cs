using System.Text.Json.Nodes;
using Collab.Crdt;
using Collab.Crdt.Jupyter;
using Collab.Server.Auth;
using Collab.Server.Errors;
using Collab.Server.Limits;
using Collab.Server.Rooms;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Server.History;

/// <summary>
/// Versions of notebooks for members: list, read, compare, checkpoint and restore. Refusals are
/// <see cref="RefusalException"/>s; the callers (endpoints) have checked the role already.
/// </summary>
public sealed class HistoryService(
    IVersionStore store, VersionWriter writer, RoomManager rooms, INotebookLookup notebooks,
    IOptions<HistoryOptions> options, IOptions<LimitOptions> limits, ILogger<HistoryService> logger)
{
    public async Task<IReadOnlyList<NotebookVersion>> ListAsync(DocumentKey key, long? before, int? limit, CancellationToken ct)
    {
        await RequireNotebookAsync(key, ct);
        var size = Math.Clamp(limit ?? options.Value.DefaultPageSize, 1, options.Value.MaxPageSize);
        return await store.ListAsync(key, before, size, ct);
    }

    /// <summary>The version as nbformat 4.5.</summary>
    public async Task<JsonObject> GetNotebookAsync(DocumentKey key, long id, CancellationToken ct) =>
        Read(key, await GetStoredAsync(key, id, ct));

    /// <summary>How the notebook changed from version <paramref name="id"/> to <paramref name="against"/> (a version id, or "now").</summary>
    public async Task<NotebookDiff> DiffAsync(DocumentKey key, long id, string? against, CancellationToken ct)
    {
        var from = await GetNotebookAsync(key, id, ct);
        JsonObject to;
        if (against is null or "now") to = await rooms.RunAsync(key, room => room.ReadAsync(doc => NotebookModel.ToNbformat(doc)));
        else if (long.TryParse(against, out var other)) to = await GetNotebookAsync(key, other, ct);
        else throw new RefusalException(ErrorCode.Invalid, "'against' must be 'now' or a version id.");
        return await Task.Run(() => NotebookDiff.Between(from, to), ct);
    }

    /// <summary>Keeps the notebook as it is now under <paramref name="name"/>.</summary>
    public async Task<NotebookVersion> CheckpointAsync(DocumentKey key, string? name, string userId, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) throw new RefusalException(ErrorCode.Invalid, "A checkpoint needs a 'name'.");
        if (name.Length > options.Value.MaxNameChars)
            throw new RefusalException(ErrorCode.TooLarge, $"The name is over History:MaxNameChars ({options.Value.MaxNameChars}).");
        await RequireNotebookAsync(key, ct);
        return (await writer.WriteAsync(key, VersionKind.Checkpoint, name, [userId], onlyIfNewer: false, ct))!;
    }

    /// <summary>Keeps the notebook as it is before an import replaces it.</summary>
    public async Task KeepBeforeImportAsync(DocumentKey key, CancellationToken ct) =>
        await writer.WriteAsync(key, VersionKind.BeforeImport, null, [], onlyIfNewer: false, ct);

    /// <summary>
    /// Brings the live notebook (or one cell of it) back to version <paramref name="id"/> as a new
    /// change through its room: the notebook as it was is kept first, then the restore is applied
    /// in steps while others keep editing, then the result is kept as a version of kind restore.
    /// </summary>
    public async Task<RestoreResult> RestoreAsync(DocumentKey key, long id, string? cellId, string userId, ProjectRole role, CancellationToken ct)
    {
        if (role < ProjectRole.Editor) throw new RefusalException(ErrorCode.Forbidden, "Viewers can't restore versions; ask an owner for the editor role.");
        if (role < ProjectRole.Owner && (await store.GetSettingsAsync(key.ProjectId, ct)).OwnersOnlyRestore)
            throw new RefusalException(ErrorCode.Forbidden, "In this project only owners may restore versions.");
        var target = await GetNotebookAsync(key, id, ct);
        if (cellId is not null && !(target["cells"] as JsonArray ?? []).OfType<JsonObject>().Any(c => (string?)c["id"] == cellId))
            throw new RefusalException(ErrorCode.NotFound, $"Version {id} has no cell '{cellId}'.");
        var (state, seq) = await rooms.RunAsync(key, room => room.CaptureAsync());
        var before = (await writer.WriteAsync(key, VersionKind.BeforeRestore, null, [], state, seq, onlyIfNewer: false, ct))!;
        var max = limits.Value.MaxMessageBytes;
        List<byte[]> steps;
        try
        {
            steps = await Task.Run(() => cellId is null
                ? RestoreSteps.Whole(state, target, max)
                : RestoreSteps.Cell(state, target, cellId, max), ct);
        }
        catch (LimitExceededException ex)
        {
            throw new RefusalException(ErrorCode.TooLarge, ex.Message);
        }
        await rooms.RunAsync(key, room => room.ApplyInStepsAsync(steps));
        logger.LogInformation("Restored {Document} to version {Version}{Cell} in {Steps} steps", key, id,
            cellId is null ? "" : $" (cell {cellId})", steps.Count);
        var name = cellId is null ? $"Restored version {id}" : $"Restored cell {cellId} of version {id}";
        var restored = (await writer.WriteAsync(key, VersionKind.Restore, name, [userId], onlyIfNewer: false, ct))!;
        return new RestoreResult(before, restored);
    }

    public Task<HistorySettings> GetSettingsAsync(string projectId, CancellationToken ct) => store.GetSettingsAsync(projectId, ct);

    public async Task<HistorySettings> SetSettingsAsync(string projectId, HistorySettings settings, CancellationToken ct)
    {
        await store.SetSettingsAsync(projectId, settings, ct);
        return settings;
    }

    private async Task<StoredVersion> GetStoredAsync(DocumentKey key, long id, CancellationToken ct)
    {
        await RequireNotebookAsync(key, ct);
        return await store.GetAsync(key, id, ct) ?? throw new RefusalException(ErrorCode.NotFound, $"The notebook has no version {id}.");
    }

    private async Task RequireNotebookAsync(DocumentKey key, CancellationToken ct)
    {
        if (!await notebooks.ExistsAsync(key, ct)) throw new RefusalException(ErrorCode.NotFound, "Notebook not found.");
    }

    private JsonObject Read(DocumentKey key, StoredVersion stored)
    {
        var doc = NotebookRoots.Declare(new Doc());
        doc.ApplyUpdate(VersionState.Decompress(stored.CompressedState));
        var skipped = new List<string>();
        var json = NotebookModel.ToNbformat(doc, skipped);
        if (skipped.Count > 0)
            logger.LogWarning("Version {Version} of {Document} left out what is not a notebook cell: {Skipped}",
                stored.Version.Id, key, string.Join("; ", skipped.Take(10)));
        return json;
    }
}
