using Collab.Server.Auth;

namespace Collab.Server.Audit;

public static class AuditEndpoints
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    /// <summary>
    /// <c>GET /api/projects/{projectId}/audit?before=&amp;limit=</c>: the project's audit log,
    /// newest first, for owners. Page with <c>before=</c> the smallest id received. Read-only.
    /// </summary>
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/projects/{projectId}/audit", async (string projectId, long? before, int? limit, IAuditStore audit, CancellationToken ct) =>
                TypedResults.Ok(await audit.ListAsync(projectId, before, Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit), ct)))
            .RequireAuthorization()
            .RequireProjectRole(ProjectRole.Owner)
            .WithTags("Audit")
            .WithSummary("List the project's audit log")
            .WithDescription("Newest first, for owners. Page with `before=` the smallest id received; `limit` is 1-1000 (default 100).");
        return app;
    }
}
