using System.Security.Claims;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Server.Auth;

/// <summary>
/// The one place that turns a caller into a role. Unknown projects and projects the caller is
/// not a member of look the same (null), so a non-member cannot probe what exists.
/// </summary>
public sealed class ProjectAccess(IProjectRoleLookup projects, INotebookLookup notebooks, IOptions<AuthOptions> auth)
{
    public string? UserId(ClaimsPrincipal user) => user.UserId(auth.Value.UserClaim);

    public async Task<ProjectRole?> RoleAsync(ClaimsPrincipal user, string projectId, CancellationToken ct = default)
    {
        var userId = UserId(user);
        if (userId is null || !ProjectNames.IsValidProjectId(projectId)) return null;
        return await projects.GetRoleAsync(projectId, userId, ct);
    }

    /// <summary>The caller's role for a document, or null when the document or the membership is missing.</summary>
    public async Task<ProjectRole?> DocumentRoleAsync(ClaimsPrincipal user, DocumentKey key, CancellationToken ct = default)
    {
        if (!ProjectNames.IsValidDocName(key.DocName)) return null;
        var role = await RoleAsync(user, key.ProjectId, ct);
        return role is not null && await notebooks.ExistsAsync(key, ct) ? role : null;
    }
}
