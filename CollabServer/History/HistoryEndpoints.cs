using System.Text.Json.Nodes;
using Collab.Server.Audit;
using Collab.Server.Auth;
using Collab.Server.Errors;
using Collab.Server.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Collab.Server.History;

public static class HistoryEndpoints
{
    private const string IpynbMediaType = "application/x-ipynb+json";

    /// <summary>
    /// <c>/api/projects/{projectId}/notebooks/{name}/versions</c>: list, read and compare (any
    /// member); checkpoint (editor); restore (editor, or owner when the project says so).
    /// <c>/api/projects/{projectId}/history/settings</c>: read (member), change (owner).
    /// </summary>
    public static IEndpointRouteBuilder MapHistoryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{projectId}/notebooks/{name}/versions").RequireAuthorization().WithTags("History");

        group.MapGet("/", (string projectId, string name, long? before, int? limit, HistoryService history, HttpContext http, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await history.ListAsync(new DocumentKey(projectId, name), before, limit, ct))))
            .RequireProjectRole(ProjectRole.Viewer)
            .WithSummary("List a notebook's versions, newest first")
            .WithDescription("Page with `before` (a version id) and `limit`.");

        group.MapPost("/", (string projectId, string name, CheckpointRequest request, HistoryService history, AuditTrail audit,
                HttpContext http, CancellationToken ct) =>
            Refusals.Run(http, async () =>
            {
                var version = await history.CheckpointAsync(new DocumentKey(projectId, name), request.Name, UserId(http), ct);
                await audit.RecordAsync(http, projectId, AuditActions.NotebookCheckpoint, name, $"version {version.Id}: {version.Name}");
                return TypedResults.Created($"/api/projects/{projectId}/notebooks/{Uri.EscapeDataString(name)}/versions/{version.Id}", version);
            }))
            .RequireProjectRole(ProjectRole.Editor)
            .WithSummary("Save a named checkpoint of the notebook as it is now");

        group.MapGet("/{versionId:long}", (string projectId, string name, long versionId, HistoryService history, HttpContext http, CancellationToken ct) =>
            Refusals.Run(http, async () =>
            {
                var ipynb = await history.GetNotebookAsync(new DocumentKey(projectId, name), versionId, ct);
                return TypedResults.Text(ipynb.ToJsonString(), IpynbMediaType);
            }))
            .RequireProjectRole(ProjectRole.Viewer).Produces<JsonObject>(200, IpynbMediaType)
            .WithSummary("A version as .ipynb");

        group.MapGet("/{versionId:long}/diff", (string projectId, string name, long versionId, string? against, HistoryService history,
                HttpContext http, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await history.DiffAsync(new DocumentKey(projectId, name), versionId, against, ct))))
            .RequireProjectRole(ProjectRole.Viewer)
            .WithSummary("Cell-level diff of a version against now or another version")
            .WithDescription("`against` is `now` (default) or a version id: cells added, removed, moved and changed, with a text diff of changed sources.");

        group.MapPost("/{versionId:long}/restore", (string projectId, string name, long versionId,
                [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RestoreRequest? request,
                HistoryService history, AuditTrail audit, HttpContext http, CancellationToken ct) =>
            Refusals.Run(http, async () =>
            {
                var cellId = request?.CellId;
                var result = await history.RestoreAsync(new DocumentKey(projectId, name), versionId, cellId, UserId(http), Role(http), ct);
                await audit.RecordAsync(http, projectId, AuditActions.NotebookRestore, name,
                    cellId is null ? $"version {versionId}" : $"cell {cellId} of version {versionId}");
                return TypedResults.Ok(result);
            }))
            .RequireProjectRole(ProjectRole.Editor)
            .WithSummary("Restore a version, or one cell of it, as a new change everyone receives")
            .WithDescription("Body `{ \"cellId\": … }` restores one cell; none restores the whole notebook. Owners only when the project's history settings say so.");

        var settings = app.MapGroup("/api/projects/{projectId}/history/settings").RequireAuthorization().WithTags("History");
        settings.MapGet("/", async (string projectId, HistoryService history, CancellationToken ct) =>
            TypedResults.Ok(await history.GetSettingsAsync(projectId, ct)))
            .RequireProjectRole(ProjectRole.Viewer)
            .WithSummary("The project's history settings");
        settings.MapPut("/", async (string projectId, HistorySettings request, HistoryService history, CancellationToken ct) =>
            TypedResults.Ok(await history.SetSettingsAsync(projectId, request, ct)))
            .RequireProjectRole(ProjectRole.Owner)
            .WithSummary("Change the project's history settings (owners), e.g. restore by owners only");
        return app;
    }

    private static string UserId(HttpContext http) => http.RequestServices.GetRequiredService<ProjectAccess>().UserId(http.User)!;

    private static ProjectRole Role(HttpContext http) => (ProjectRole)http.Items[ProjectRoleFilter.RoleItem]!;
}
