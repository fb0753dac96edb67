using Collab.Server.Auth;

namespace Collab.Server.Auth;

/// <summary>
/// Endpoint filter guarding everything under <c>/api/projects/{projectId}</c>: non-members get
/// 404 exactly like unknown projects; members below the required role get 403.
/// </summary>
public sealed class ProjectRoleFilter(ProjectRole required) : IEndpointFilter
{
    public const string RoleItem = "collab.role";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var projectId = http.Request.RouteValues["projectId"] as string ?? "";
        var access = http.RequestServices.GetRequiredService<ProjectAccess>();
        var role = await access.RoleAsync(http.User, projectId, http.RequestAborted);
        if (role is null) return TypedResults.Problem("Project not found.", statusCode: StatusCodes.Status404NotFound);
        if (role < required)
        {
            return TypedResults.Problem($"This needs the {required.ToWire()} role; you are {role.Value.ToWire()}.",
                statusCode: StatusCodes.Status403Forbidden);
        }
        http.Items[RoleItem] = role;
        return await next(context);
    }
}
