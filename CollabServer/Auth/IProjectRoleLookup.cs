namespace Collab.Server.Auth;

/// <summary>
/// The one question <see cref="ProjectAccess"/> asks of the project store: it is declared here and
/// implemented by <c>IProjectStore</c>, so authorization does not depend on the Projects feature.
/// </summary>
public interface IProjectRoleLookup
{
    /// <summary>The role of <paramref name="userId"/> in the project; null when not a member or no such project.</summary>
    Task<ProjectRole?> GetRoleAsync(string projectId, string userId, CancellationToken ct = default);
}
