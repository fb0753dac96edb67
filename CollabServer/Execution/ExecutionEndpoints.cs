using Collab.Server.Errors;
using Collab.Server.Projects;
using Collab.Server.Storage;

namespace Collab.Server.Execution;

public static class ExecutionEndpoints
{
    /// <summary>
    /// Running cells over REST, the same rules as the hub: <c>POST …/notebooks/{name}/run</c>,
    /// <c>…/interrupt</c>, <c>…/restart</c>, <c>PUT</c> and <c>DELETE …/kernel</c> (editor); <c>GET …/kernels</c> (member).
    /// </summary>
    public static IEndpointRouteBuilder MapExecutionEndpoints(this IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("/api/projects/{projectId}").RequireAuthorization().WithTags("Execution");
        var notebook = project.MapGroup("/notebooks/{name}");

        project.MapGet("/kernels", (string projectId, ExecutionService execution, HttpContext http, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await execution.KernelsAsync(ct))))
            .RequireProjectRole(ProjectRole.Viewer)
            .WithSummary("The kernels the project's Jupyter Server offers");

        notebook.MapPost("/run", (string projectId, string name, RunRequest request, ExecutionService execution, HttpContext http, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(new RunResult(await execution.RunAsync(new DocumentKey(projectId, name), request.Mode, request.CellIds, ct)))))
            .RequireProjectRole(ProjectRole.Editor)
            .WithSummary("Run cells")
            .WithDescription("Runs the notebook's cells on its shared kernel; outputs are written into the live notebook, so every member sees them.");

        notebook.MapPost("/interrupt", (string projectId, string name, ExecutionService execution, HttpContext http, CancellationToken ct) =>
            Refusals.Run(http, async () => { await execution.InterruptAsync(new DocumentKey(projectId, name), ct); return TypedResults.NoContent(); }))
            .RequireProjectRole(ProjectRole.Editor)
            .WithSummary("Interrupt the notebook's kernel");

        notebook.MapPost("/restart", (string projectId, string name, ExecutionService execution, HttpContext http, CancellationToken ct) =>
            Refusals.Run(http, async () => { await execution.RestartAsync(new DocumentKey(projectId, name), ct); return TypedResults.NoContent(); }))
            .RequireProjectRole(ProjectRole.Editor)
            .WithSummary("Restart the notebook's kernel");

        notebook.MapPut("/kernel", (string projectId, string name, ChangeKernelRequest request, ExecutionService execution, HttpContext http, CancellationToken ct) =>
            Refusals.Run(http, async () => { await execution.ChangeKernelAsync(new DocumentKey(projectId, name), request.Name, ct); return TypedResults.NoContent(); }))
            .RequireProjectRole(ProjectRole.Editor)
            .WithSummary("Change the notebook's kernel");

        notebook.MapDelete("/kernel", (string projectId, string name, ExecutionService execution, HttpContext http, CancellationToken ct) =>
            Refusals.Run(http, async () => { await execution.ShutdownAsync(new DocumentKey(projectId, name), ct); return TypedResults.NoContent(); }))
            .RequireProjectRole(ProjectRole.Editor)
            .WithSummary("Shut the notebook's kernel down");

        return app;
    }
}
