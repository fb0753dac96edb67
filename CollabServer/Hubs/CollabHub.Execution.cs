using Collab.Server.Auth;
using Collab.Server.Errors;
using Collab.Server.Execution;
using Collab.Server.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Collab.Server.Hubs;

/// <summary>Running cells on the notebook's shared kernel (docs/execution.md); editors only, outputs arrive as document updates.</summary>
public sealed partial class CollabHub
{
    /// <summary>Queues cells (<paramref name="mode"/>: <c>cells</c>, <c>all</c>, <c>below</c>); returns the ids queued.</summary>
    public async Task<IReadOnlyList<string>> RunCells(string projectId, string docName, string mode, string[]? cellIds,
        [FromServices] ExecutionService execution) =>
        await execution.RunAsync(await EditorKeyAsync(projectId, docName), mode, cellIds, Context.ConnectionAborted);

    public async Task InterruptKernel(string projectId, string docName, [FromServices] ExecutionService execution) =>
        await execution.InterruptAsync(await EditorKeyAsync(projectId, docName), Context.ConnectionAborted);

    public async Task RestartKernel(string projectId, string docName, [FromServices] ExecutionService execution) =>
        await execution.RestartAsync(await EditorKeyAsync(projectId, docName), Context.ConnectionAborted);

    public async Task ShutdownKernel(string projectId, string docName, [FromServices] ExecutionService execution) =>
        await execution.ShutdownAsync(await EditorKeyAsync(projectId, docName), Context.ConnectionAborted);

    public async Task ChangeKernel(string projectId, string docName, string kernelName, [FromServices] ExecutionService execution) =>
        await execution.ChangeKernelAsync(await EditorKeyAsync(projectId, docName), kernelName, Context.ConnectionAborted);

    /// <summary>The kernels the project's notebooks may use; any member may ask.</summary>
    public async Task<KernelList> ListKernels(string projectId, [FromServices] ExecutionService execution)
    {
        if (await access.RoleAsync(Context.User!, projectId, Context.ConnectionAborted) is null)
            throw new RefusalException(ErrorCode.NotFound, "Project not found.");
        return await execution.KernelsAsync(projectId, Context.ConnectionAborted);
    }

    private async Task<DocumentKey> EditorKeyAsync(string projectId, string docName)
    {
        var key = ValidKey(projectId, docName);
        var role = await access.DocumentRoleAsync(Context.User!, key, Context.ConnectionAborted) ?? throw Refusals.Hub(ErrorCode.NotFound, NotFound);
        if (role < ProjectRole.Editor) throw Refusals.Hub(ErrorCode.Forbidden, "Viewers can't run cells; ask an owner for the editor role.");
        return key;
    }
}
