namespace Collab.Server.Projects;

public static class ProjectRoleFilterExtensions
{
    /// <summary>Requires the caller to hold at least <paramref name="role"/> in the route's project.</summary>
    public static TBuilder RequireProjectRole<TBuilder>(this TBuilder builder, ProjectRole role) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new ProjectRoleFilter(role));
}
