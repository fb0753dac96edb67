using Collab.Server.Audit;
using Collab.Server.Auth;
using Collab.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collab.Server.Projects;

public static class MemberEndpoints
{
    /// <summary><c>/api/projects/{projectId}/members</c>: members list (any member); add, change, remove (owner).</summary>
    public static IEndpointRouteBuilder MapMemberEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{projectId}/members").RequireAuthorization().WithTags("Members");

        group.MapGet("/", async (string projectId, IProjectStore projects, CancellationToken ct) =>
            TypedResults.Ok((await projects.ListMembersAsync(projectId, ct)).Select(m => new MemberView(m.UserId, m.Role.ToWire()))))
            .RequireProjectRole(ProjectRole.Viewer)
            .WithSummary("List the project's members");

        group.MapPut("/{userId}", async Task<Results<Ok<MemberView>, ProblemHttpResult>> (
            string projectId, string userId, SetMemberRequest request, IProjectStore projects, IAccessChangeBus access, AuditTrail audit,
            HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(userId) || userId.Length > 256)
                return TypedResults.Problem("'userId' must be 1-256 characters.", statusCode: 400);
            if (!ProjectRoles.TryParse(request.Role, out var role))
                return TypedResults.Problem("'role' must be viewer, editor or owner.", statusCode: 400);
            if (role != ProjectRole.Owner && await IsLastOwnerAsync(projects, projectId, userId, ct))
                return TypedResults.Problem("A project keeps at least one owner.", statusCode: 409);
            var previous = await projects.GetRoleAsync(projectId, userId, ct);
            await projects.SetMemberAsync(projectId, userId, role, ct);
            if (previous != role)
            {
                await audit.RecordAsync(http, projectId, previous is null ? AuditActions.MemberAdd : AuditActions.MemberRoleChange, userId,
                    previous is null ? role.ToWire() : $"{previous.Value.ToWire()} -> {role.ToWire()}");
                if (previous is not null) await access.PublishAsync(AccessChange.RoleChanged(projectId, userId, role));
            }
            return TypedResults.Ok(new MemberView(userId, role.ToWire()));
        }).RequireProjectRole(ProjectRole.Owner)
            .WithSummary("Add a member or change a member's role")
            .WithDescription("Owners only. A lowered role takes effect on the member's live connections within a second; a project keeps at least one owner.");

        group.MapDelete("/{userId}", async Task<Results<NoContent, ProblemHttpResult>> (
            string projectId, string userId, IProjectStore projects, IAccessChangeBus access, AuditTrail audit, HttpContext http,
            CancellationToken ct) =>
        {
            if (await IsLastOwnerAsync(projects, projectId, userId, ct))
                return TypedResults.Problem("A project keeps at least one owner.", statusCode: 409);
            if (!await projects.RemoveMemberAsync(projectId, userId, ct))
                return Refusals.Problem(http, ErrorCode.NotFound, $"'{userId}' is not a member of this project.");
            await access.PublishAsync(AccessChange.MemberRemoved(projectId, userId));
            await audit.RecordAsync(http, projectId, AuditActions.MemberRemove, userId);
            return TypedResults.NoContent();
        }).RequireProjectRole(ProjectRole.Owner)
            .WithSummary("Remove a member")
            .WithDescription("Owners only. The member's live connections to the project are closed within a second.");

        return app;
    }

    private static async Task<bool> IsLastOwnerAsync(IProjectStore projects, string projectId, string userId, CancellationToken ct)
    {
        var members = await projects.ListMembersAsync(projectId, ct);
        var owners = members.Where(m => m.Role == ProjectRole.Owner).ToList();
        return owners.Count == 1 && owners[0].UserId == userId;
    }
}
