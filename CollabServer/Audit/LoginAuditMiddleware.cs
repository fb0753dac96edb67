namespace Collab.Server.Audit;

/// <summary>
/// Audits the first successful use of a token in a project over HTTP (REST and y-websocket):
/// when a response to a request routed to a project starts with a success status (non-members
/// get 404, so only members are recorded).
/// </summary>
public sealed class LoginAuditMiddleware(RequestDelegate next, LoginAuditor logins)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetRouteValue("projectId") is string projectId && context.User.Identity?.IsAuthenticated == true)
        {
            var via = context.WebSockets.IsWebSocketRequest ? "y-websocket" : "http";
            context.Response.OnStarting(() => context.Response.StatusCode < 400
                ? logins.RecordAsync(context.User, projectId, via)
                : Task.CompletedTask);
        }
        return next(context);
    }
}
