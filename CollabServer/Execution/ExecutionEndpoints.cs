using Collab.Server.Audit;
using Collab.Server.Auth;
using Collab.Server.Errors;
using Collab.Server.Storage;

namespace Collab.Server.Execution;

public static class ExecutionEndpoints
{
    /// <summary>
    /// Running cells over REST, the same rules as the hub: <c>POST …/notebooks/{name}/run</c>,
    /// <c>…/interrupt</c>, <c>…/restart</c>, <c>PUT</c> and <c>DELETE …/kernel</c> (editor); <c>GET …/kernels</c> and
    /// <c>GET …/jupyter-server</c> (member); <c>PUT …/jupyter-server</c> (owner).
    /// </summary>
    public static IEndpointRouteBuilder MapExecutionEndpoints(this IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("/api/projects/{projectId}").RequireAuthorization().WithTags("Execution");
        var notebook = project.MapGroup("/notebooks/{name}");

        project.MapGet("/kernels", (string projectId, ExecutionService execution, HttpContext http, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await execution.KernelsAsync(projectId, ct))))
            .RequireProjectRole(ProjectRole.Viewer)
            .WithSummary("The kernels the project's Jupyter Server offers");

        project.MapGet("/jupyter-server", (string projectId, ExecutionService execution, HttpContext http, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await execution.ServerAsync(projectId, ct))))
            .RequireProjectRole(ProjectRole.Viewer)
            .WithSummary("The Jupyter Server the project runs on, and the ones its owners may choose.");

        project.MapPut("/jupyter-server", (string projectId, ChooseJupyterServerRequest request, ExecutionService execution, AuditTrail audit,
                HttpContext http, CancellationToken ct) =>
            Refusals.Run(http, async () =>
            {
                await execution.ChooseServerAsync(projectId, request.Server, ct);
                await audit.RecordAsync(http, projectId, AuditActions.ProjectJupyterServer, projectId, request.Server);
                return TypedResults.NoContent();
            }))
            .RequireProjectRole(ProjectRole.Owner)
            .WithSummary("Moves the project to another allowed Jupyter Server (owners); its running kernels are shut down.");

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
