using Collab.Server.Audit;
using Collab.Server.Auth;
using Collab.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collab.Server.Projects;

public static class ProjectEndpoints
{
    /// <summary><c>/api/projects</c>: the caller's projects; create (seeded with the templates); read; delete (owner).</summary>
    public static IEndpointRouteBuilder MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects").RequireAuthorization().WithTags("Projects");

        group.MapGet("/", async (HttpContext http, ProjectAccess access, IProjectStore projects, CancellationToken ct) =>
        {
            var userId = access.UserId(http.User)!;
            var list = await projects.ListForUserAsync(userId, ct);
            var result = new List<ProjectSummary>();
            foreach (var p in list)
            {
                var role = await projects.GetRoleAsync(p.Id, userId, ct);
                if (role is not null) result.Add(new ProjectSummary(p.Id, p.Name, p.CreatedAt, role.Value.ToWire()));
            }
            return TypedResults.Ok(result);
        }).WithSummary("List your projects").WithDescription("The projects you are a member of, with your role in each.");

        group.MapPost("/", async Task<Results<Created<ProjectSummary>, ProblemHttpResult>> (
            CreateProjectRequest request, HttpContext http, ProjectAccess access, ProjectService service, AuditTrail audit, CancellationToken ct) =>
        {
            if (!ProjectNames.IsValidProjectId(request.Id))
                return TypedResults.Problem($"'id' must be {ProjectNames.ProjectIdRule}.", statusCode: 400);
            if (!ProjectNames.IsValidProjectName(request.Name))
                return TypedResults.Problem($"'name' must be {ProjectNames.ProjectNameRule}.", statusCode: 400);
            var name = string.IsNullOrWhiteSpace(request.Name) ? request.Id : request.Name.Trim();
            if (!await service.CreateAsync(request.Id, name, access.UserId(http.User)!, ct))
                return TypedResults.Problem($"A project with id '{request.Id}' already exists.", statusCode: 409);
            await audit.RecordAsync(http, request.Id, AuditActions.ProjectCreate, detail: name);
            return TypedResults.Created($"/api/projects/{request.Id}",
                new ProjectSummary(request.Id, name, DateTimeOffset.UtcNow, ProjectRole.Owner.ToWire()));
        }).WithSummary("Create a project").WithDescription("Seeded with the template notebooks; you become its owner. 409 when the id is taken.");

        group.MapGet("/{projectId}", async Task<Results<Ok<ProjectSummary>, ProblemHttpResult>> (
            string projectId, HttpContext http, IProjectStore projects, CancellationToken ct) =>
        {
            var project = await projects.GetAsync(projectId, ct);
            if (project is null) return Refusals.Problem(http, ErrorCode.NotFound, $"Project '{projectId}' not found.");
            var role = (ProjectRole)http.Items[ProjectRoleFilter.RoleItem]!;
            return TypedResults.Ok(new ProjectSummary(project.Id, project.Name, project.CreatedAt, role.ToWire()));
        }).RequireProjectRole(ProjectRole.Viewer).WithSummary("Read a project").WithDescription("Its name, creation time and your role.");

        group.MapDelete("/{projectId}", async (string projectId, ProjectService service, AuditTrail audit, HttpContext http, CancellationToken ct) =>
        {
            // Recorded first: the entry must belong to the project it ends (once deleted, the id is
            // free and may already name someone else's new project).
            await audit.RecordAsync(http, projectId, AuditActions.ProjectDelete);
            await service.DeleteAsync(projectId, ct);
            return TypedResults.NoContent();
        }).RequireProjectRole(ProjectRole.Owner)
            .WithSummary("Delete a project").WithDescription("Owners only: its notebooks, chat and members go; live connections to it are closed.");

        return app;
    }
}
