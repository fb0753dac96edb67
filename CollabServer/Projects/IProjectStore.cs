using Collab.Server.Auth;

namespace Collab.Server.Projects;

/// <summary>Projects and who may do what in them (the role lookup is <see cref="IProjectRoleLookup"/>).</summary>
public interface IProjectStore : IProjectRoleLookup
{
    /// <summary>Creates the project with <paramref name="ownerId"/> as its owner; false if the id is taken.</summary>
    Task<bool> CreateAsync(ProjectInfo project, string ownerId, CancellationToken ct = default);

    Task<ProjectInfo?> GetAsync(string projectId, CancellationToken ct = default);

    /// <summary>The projects <paramref name="userId"/> is a member of.</summary>
    Task<IReadOnlyList<ProjectInfo>> ListForUserAsync(string userId, CancellationToken ct = default);

    /// <summary>Every project, by id (the scheduled backup walks them all).</summary>
    Task<IReadOnlyList<ProjectInfo>> ListAllAsync(CancellationToken ct = default);

    /// <summary>Deletes the project, its members, notebooks, logs and snapshots.</summary>
    Task<bool> DeleteAsync(string projectId, CancellationToken ct = default);

    Task<IReadOnlyList<ProjectMember>> ListMembersAsync(string projectId, CancellationToken ct = default);

    /// <summary>Adds the member or changes their role.</summary>
    Task SetMemberAsync(string projectId, string userId, ProjectRole role, CancellationToken ct = default);

    Task<bool> RemoveMemberAsync(string projectId, string userId, CancellationToken ct = default);
}
