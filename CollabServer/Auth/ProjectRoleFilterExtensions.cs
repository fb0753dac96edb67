using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Collab.Server.Auth;

public static class ProjectRoleFilterExtensions
{
    private static readonly string[] ProblemContentTypes = ["application/problem+json"];

    /// <summary>
    /// Requires the caller to hold at least <paramref name="role"/> in the route's project, and
    /// describes the filter's refusals (404 for non-members, 403 below the role) in the OpenAPI document.
    /// </summary>
    public static TBuilder RequireProjectRole<TBuilder>(this TBuilder builder, ProjectRole role) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new ProjectRoleFilter(role)).WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), ProblemContentTypes),
            new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ProblemDetails), ProblemContentTypes));
}
