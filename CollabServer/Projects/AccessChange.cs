using Collab.Server.Auth;
using Collab.Server.Projects;

namespace Collab.Server.Projects;

/// <summary>
/// A change of who may do what in a project, applied to live connections on every replica:
/// <see cref="UserId"/> null means the project itself is gone; <see cref="Role"/> null means the
/// user is no longer a member.
/// </summary>
public sealed record AccessChange(string ProjectId, string? UserId, ProjectRole? Role)
{
    public static AccessChange ProjectDeleted(string projectId) => new(projectId, null, null);
    public static AccessChange MemberRemoved(string projectId, string userId) => new(projectId, userId, null);
    public static AccessChange RoleChanged(string projectId, string userId, ProjectRole role) => new(projectId, userId, role);

    /// <summary>What the client is told, in words it can show.</summary>
    public string Reason => UserId is null ? "project deleted"
        : Role is null ? "access revoked: you are no longer a member of this project"
        : $"your role in this project is now {Role.Value.ToWire()}";
}
