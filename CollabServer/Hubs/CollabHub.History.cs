using Collab.Server.Audit;
using Collab.Server.Auth;
using Collab.Server.Errors;
using Collab.Server.History;
using Collab.Server.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Collab.Server.Hubs;

/// <summary>Notebook versions (docs/history.md), the same operations as the REST API: any member looks, editors checkpoint and restore.</summary>
public sealed partial class CollabHub
{
    public async Task<IReadOnlyList<NotebookVersion>> ListVersions(string projectId, string docName, long? before, int? limit,
        [FromServices] HistoryService history)
    {
        var (key, _) = await MemberKeyAsync(projectId, docName);
        return await history.ListAsync(key, before, limit, Context.ConnectionAborted);
    }

    /// <summary>The cell-level diff of version <paramref name="versionId"/> against <paramref name="against"/> ("now" or a version id).</summary>
    public async Task<NotebookDiff> DiffVersion(string projectId, string docName, long versionId, string? against,
        [FromServices] HistoryService history)
    {
        var (key, _) = await MemberKeyAsync(projectId, docName);
        return await history.DiffAsync(key, versionId, against, Context.ConnectionAborted);
    }

    public async Task<NotebookVersion> SaveCheckpoint(string projectId, string docName, string name,
        [FromServices] HistoryService history, [FromServices] AuditTrail audit)
    {
        var (key, role) = await MemberKeyAsync(projectId, docName);
        if (role < ProjectRole.Editor) throw Refusals.Hub(ErrorCode.Forbidden, "Viewers can't save checkpoints; ask an owner for the editor role.");
        var version = await history.CheckpointAsync(key, name, access.UserId(Context.User!)!, Context.ConnectionAborted);
        await audit.RecordAsync(Context.User!, projectId, AuditActions.NotebookCheckpoint, docName, $"version {version.Id}: {version.Name}");
        return version;
    }

    /// <summary>Restores the whole version, or only <paramref name="cellId"/> when given.</summary>
    public async Task<RestoreResult> RestoreVersion(string projectId, string docName, long versionId, string? cellId,
        [FromServices] HistoryService history, [FromServices] AuditTrail audit)
    {
        var (key, role) = await MemberKeyAsync(projectId, docName);
        var result = await history.RestoreAsync(key, versionId, cellId, access.UserId(Context.User!)!, role, Context.ConnectionAborted);
        await audit.RecordAsync(Context.User!, projectId, AuditActions.NotebookRestore, docName,
            cellId is null ? $"version {versionId}" : $"cell {cellId} of version {versionId}");
        return result;
    }

    private async Task<(DocumentKey Key, ProjectRole Role)> MemberKeyAsync(string projectId, string docName)
    {
        var key = ValidKey(projectId, docName);
        var role = await access.DocumentRoleAsync(Context.User!, key, Context.ConnectionAborted) ?? throw Refusals.Hub(ErrorCode.NotFound, NotFound);
        return (key, role);
    }
}
